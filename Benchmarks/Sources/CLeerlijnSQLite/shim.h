#ifndef CLEERLIJN_SQLITE_SHIM_H
#define CLEERLIJN_SQLITE_SHIM_H
#include <sqlite3.h>
#endif
