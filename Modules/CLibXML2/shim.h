// libxml2 (and zlib, which it reads .gz files with) for Swift. Debian's headers enable ICU, which clashes with
// Swift's own ICU: include xmlversion.h first and switch it off before anything else (SWIFT-LINUX.md).
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
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

// A SAX parser's position and state, read without Swift copying the (large) context struct.
static inline int cxml_line(xmlParserCtxtPtr c) { return (c != NULL && c->input != NULL) ? c->input->line : 0; }
static inline int cxml_column(xmlParserCtxtPtr c) { return (c != NULL && c->input != NULL) ? c->input->col : 0; }
static inline int cxml_well_formed(xmlParserCtxtPtr c) { return c->wellFormed; }
static inline xmlDictPtr cxml_dict(xmlParserCtxtPtr c) { return c->dict; }

// The column of the '<' that starts the tag the parser has just read (in a SAX callback the tag is still in the
// input buffer, up to the cursor); 0 when the tag started on an earlier line or is no longer in the buffer.
// Columns count characters, as libxml2's do.
static inline int cxml_tag_column(xmlParserCtxtPtr c) {
    if (c == NULL || c->input == NULL || c->input->cur == NULL || c->input->base == NULL) return 0;
    const xmlChar *p = c->input->cur;
    int characters = 0;
    while (p > c->input->base) {
        p--;
        if (*p == '\n') return 0;
        if ((*p & 0xC0) != 0x80) characters++;
        if (*p == '<') return c->input->col - characters > 0 ? c->input->col - characters : 0;
    }
    return 0;
}

// Where the text the parser holds ends, parsed or not: the line and column just past it. Bytes libxml2 could not
// convert from the file's declared encoding start there; its encoding errors carry line 0. The parser halts at such
// bytes and drops what it holds, so the driver asks before each chunk too.
static inline void cxml_held_end(xmlParserCtxtPtr c, int *line, int *column) {
    *line = 0;
    *column = 0;
    if (c == NULL || c->input == NULL || c->input->cur == NULL || c->input->end == NULL) return;
    int l = c->input->line, col = c->input->col;
    for (const xmlChar *p = c->input->cur; p < c->input->end; p++) {
        if (*p == '\n') { l++; col = 1; } else if ((*p & 0xC0) != 0x80) col++;
    }
    *line = l;
    *column = col;
}

// Whether the parser has stopped for good (an encoding it could not convert, xmlStopParser, a fatal error).
static inline int cxml_halted(xmlParserCtxtPtr c) { return c != NULL && c->instate == XML_PARSER_EOF; }

// Where the schema validator is: the parser's line (given to it as the `ctx` of xmlSchemaValidateSetLocator), so
// that its errors name the line the parser has reached, as they do under xmlTextReader.
static int cxml_locator(void *ctx, const char **file, unsigned long *line) {
    xmlParserCtxtPtr c = (xmlParserCtxtPtr) ctx;
    if (file != NULL) *file = NULL;
    if (line != NULL) *line = 0;
    if (c == NULL || c->input == NULL) return -1;
    if (file != NULL) *file = c->input->filename;
    if (line != NULL) *line = (unsigned long) c->input->line;
    return 0;
}
