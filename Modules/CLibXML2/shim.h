// libxml2 for Swift. Debian's headers enable ICU, which clashes with Swift's own ICU: include
// xmlversion.h first and switch it off before anything else (SWIFT-LINUX.md).
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>

// xmlFree is a global function pointer, which Swift cannot call directly.
static inline void cxml_free(void *pointer) { xmlFree(pointer); }
