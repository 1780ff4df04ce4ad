#ifndef CLEERLIJN_XML2_SHIM_H
#define CLEERLIJN_XML2_SHIM_H
/* xmlversion.h first, then drop ICU so that libxml2's headers never pull in unicode/*.h,
   which clashes with the ICU module that Foundation ships on Linux. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/tree.h>
#include <libxml/xmlIO.h>
#endif
