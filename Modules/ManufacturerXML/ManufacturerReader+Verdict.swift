import ManufacturerData

extension ManufacturerReader {
    /// Reads the whole file at `path` with `validation` and says whether it is valid against the XSD, with what was
    /// found: every rejected item's problems and the file's, or the error the reading stopped with. What the schema
    /// differential test and the fuzz harness compare between the reader's own checks and libxml2's whole XSD.
    public static func verdict(
        path: String, validation: SchemaValidation = .contract
    ) -> (valid: Bool, problems: [String]) {
        do {
            let reader = try ManufacturerReader(path: path, validation: validation)
            var problems: [String] = []
            while let item = try reader.next() {
                if case .rejected(let rejected) = item { problems += rejected.errors.map(\.description) }
            }
            problems += reader.fileErrors.map(\.description)
            return (reader.schemaProblemCount == 0, problems)
        } catch {
            return (false, ["\(error)"])
        }
    }
}
