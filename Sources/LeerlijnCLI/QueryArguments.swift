import ArgumentParser
import Leerlijn

/// The query command's argument handling as a function, for the fuzzer and the tests.
public enum QueryArguments {
    /// Parses `arguments` (as after `leerlijn query`) and validates them.
    ///
    /// - Throws: ArgumentParser's errors for malformed command lines, ``LeerlijnError/usage(_:)``
    ///   for values that are not valid.
    public static func resolve(_ arguments: [String], vocabulary: Vocabulary) throws -> CatalogueQuery {
        let command = try QueryCommand.parse(arguments)
        _ = try QueryOutputFormat.resolve(command.output, isTerminal: false)
        return try command.input.resolve(vocabulary: vocabulary)
    }
}
