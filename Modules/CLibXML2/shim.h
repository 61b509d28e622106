// libxml2 (and zlib, which it reads .gz files with) for Swift. Debian's headers enable ICU, which clashes with
// Swift's own ICU: include xmlversion.h first and switch it off before anything else (SWIFT-LINUX.md).
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <zlib.h>

// xmlFree is a global function pointer, which Swift cannot call directly.
static inline void cxml_free(void *pointer) { xmlFree(pointer); }

// libxml2 prints some internal notes ("Unimplemented block at xmlschemas.c...") through its generic error
// function straight to stderr; every real problem also comes through the structured handler, so these are muted.
// The function is variadic, which Swift cannot write.
static void cxml_ignore(void *context, const char *message, ...) { (void)context; (void)message; }
static inline void cxml_mute_generic_errors(void) { xmlSetGenericErrorFunc(NULL, cxml_ignore); }
