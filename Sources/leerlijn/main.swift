import LeerlijnCLI

LeerlijnCommand.runMain()
