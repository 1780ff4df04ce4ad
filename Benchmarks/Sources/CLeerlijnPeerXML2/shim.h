#ifndef CLEERLIJN_PEER_XML2_SHIM_H
#define CLEERLIJN_PEER_XML2_SHIM_H
/* The benchmark peers' own view of libxml2 (the library's CLeerlijnXML2 is not a product).
   xmlversion.h first, then drop ICU, as in the library: see CLeerlijnXML2/shim.h. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#endif
