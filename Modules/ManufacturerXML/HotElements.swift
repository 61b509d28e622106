import CLibXML2
import Core
import ManufacturerData

/// The hot elements, checked against the XSD here, on the bytes libxml2 hands over, and never shown to libxml2's
/// validator (`SchemaValidation.contract`): a `<Vin>` in `<Applies>` (m:VIN text, no attribute, no child) and a
/// `<Vehicle>` in `<Vehicles>` (its attributes by type, nothing inside). Their problems are worded as libxml2 words
/// the same ones (the phrasebook has them in Chinese), at the tag's line and column, and queued like libxml2's.
/// Blank text in `<Applies>` and `<Vehicles>` is not shown to the validator either: element-only content allows it.
extension SAXEvents {
    private static let vehicleAttributes: [ContractName] = [.vin, .make, .model, .year, .built]
    private static let appliesChildren = "Model, Built, VinRange, Vin"
    private static let xsiNamespace = "http://www.w3.org/2001/XMLSchema-instance"

    /// An element starts (before it is pushed): whether it is part of a hot element, checked here.
    mutating func checkHot(
        _ element: ContractName, _ localName: UnsafePointer<xmlChar>?, namespace uri: UnsafePointer<xmlChar>?,
        _ attributeCount: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) -> Bool {
        let depth = stack.count
        if hotDepth >= 0 {
            if depth == hotDepth + 1 {
                let hot = hot
                if hot == .Vin {
                    schemaProblem(
                        "Element '\(hot.text)': Element content is not allowed, because the type definition is simple.")
                } else {
                    schemaProblem("Element '\(Self.text(localName))': This element is not expected.")
                }
            }
            return true
        }
        guard let parent = stack.last else { return false }
        if parent == .Applies { appliesChildren += 1 }
        if element == .Applies { appliesChildren = 0 }
        guard (element == .Vin && parent == .Applies) || (element == .Vehicle && parent == .Vehicles),
            inNamespace(uri)
        else { return false }
        hotDepth = depth
        hot = element
        if !hotText.isEmpty { hotText.removeAll(keepingCapacity: true) }
        hotTextReported = false
        checkAttributes(Int(attributeCount), attributes)
        return true
    }

    /// Text in the innermost open element: whether it is not for the validator (in a hot element, or blanks).
    mutating func checkHotText(_ bytes: UnsafeBufferPointer<UInt8>, in element: ContractName, cdata: Bool) -> Bool {
        if hotDepth >= 0 {
            if stack.count == hotDepth + 1 {
                if hot == .Vin {
                    hotText.append(contentsOf: bytes)
                } else if !hotTextReported {
                    hotTextReported = true
                    let hot = hot
                    schemaProblem(
                        "Element '\(hot.text)': Character content is not allowed, because the content type is empty.",
                        column: sax.parserColumn)
                }
            }
            return true
        }
        return !cdata && (element == .Applies || element == .Vehicles) && bytes.allSatisfy(ContractValues.isBlank)
    }

    /// An element ends (still on the stack): whether it is part of a hot element, checked here.
    mutating func checkHotEnd(_ element: ContractName) -> Bool {
        let depth = stack.count - 1
        if hotDepth >= 0 {
            if depth == hotDepth {
                hotDepth = -1
                if hot == .Vin, !hotText.withUnsafeBufferPointer(ContractValues.isVIN) {
                    let hot = hot, text = hotText
                    // One literal, not joined phrases: a file of bad VINs says this for each.
                    schemaProblem(
                        """
                        Element '\(hot.text)': [facet 'pattern'] The value '\(ContractValues.collapsed(text))' is not \
                        accepted by the VIN \
                        pattern (17 characters from 0-9 and A-Z without I, O, Q).
                        """)
                }
            }
            return true
        }
        if element == .Applies, appliesChildren == 0 {
            schemaProblem(
                "Element '\(element.text)': Missing child element(s). Expected is one of ( \(Self.appliesChildren) ).")
        }
        return false
    }

    /// The hot element's attributes against its declaration (a `<Vin>` has none).
    private mutating func checkAttributes(_ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        var seen = 0
        for index in 0..<(attributes == nil ? 0 : count) {
            // Five pointers an attribute: local name, prefix, namespace, the value's start and its end.
            let base = attributes! + 5 * index
            guard let start = base[3], let end = base[4] else { continue }
            let value = UnsafeBufferPointer(start: start, count: end - start)
            if let namespace = base[2] {
                let uri = Self.text(namespace), local = Self.text(base[0])
                // Where to find a schema: libxml2 takes it on any element, and it says nothing about the file.
                if uri == Self.xsiNamespace, local == "schemaLocation" || local == "noNamespaceSchemaLocation" {
                    continue
                }
                notAllowed("{\(uri)}\(local)")
                continue
            }
            let name = names.name(base[0])
            guard hot == .Vehicle, Self.vehicleAttributes.contains(name) else {
                notAllowed(Self.text(base[0]))
                continue
            }
            seen |= 1 << name.rawValue
            check(name, value)
        }
        guard hot == .Vehicle else { return }
        let hot = hot
        for name in [ContractName.vin, .make, .model] where seen & (1 << name.rawValue) == 0 {
            schemaProblem("Element '\(hot.text)': The attribute '\(name.text)' is required but missing.")
        }
    }

    /// A `<Vehicle>` attribute's value against its type.
    private mutating func check(_ name: ContractName, _ value: UnsafeBufferPointer<UInt8>) {
        let element = hot.text, attribute = name.text
        switch name {
        case .vin where !ContractValues.isVIN(value):
            schemaProblem(
                "Element '\(element)', attribute '\(attribute)': [facet 'pattern'] The value "
                    + "'\(ContractValues.collapsed(value))' is not accepted by the VIN pattern (17 characters from 0-9 "
                    + "and A-Z without I, O, Q).")
        case .make where !ContractValues.isToken(value), .model where !ContractValues.isToken(value):
            schemaProblem(
                "Element '\(element)', attribute '\(attribute)': [facet 'minLength'] The value "
                    + "'\(String(decoding: value, as: UTF8.self))' has a length of '\(0)'; this underruns the allowed "
                    + "minimum length of '\(1)'.")
        case .year:
            switch ContractValues.year(value) {
            case .valid: break
            case .notYear: notOfType("Year", name, value)
            case .tooLarge:
                schemaProblem(
                    "Element '\(element)', attribute '\(attribute)': [facet 'maxInclusive'] The value "
                        + "'\(ContractValues.collapsed(value))' is greater than the maximum value allowed ('\(9999)').")
            }
        case .built where !ContractValues.isDay(value):
            notOfType("Day", name, value)
        default:
            break
        }
    }

    private mutating func notOfType(_ type: String, _ name: ContractName, _ value: UnsafeBufferPointer<UInt8>) {
        let hot = hot
        schemaProblem(
            "Element '\(hot.text)', attribute '\(name.text)': '\(ContractValues.collapsed(value))' is not a valid "
                + "value of the atomic type '\(type)'.")
    }

    private mutating func notAllowed(_ attribute: String) {
        let hot = hot
        schemaProblem("Element '\(hot.text)', attribute '\(attribute)': The attribute '\(attribute)' is not allowed.")
    }

    /// A problem the XSD finds, at the tag being reported (or at `column`), queued for the assembler.
    mutating func schemaProblem(_ message: @autoclosure () -> Phrase, column: Int? = nil) {
        schemaProblemCount += 1
        let file = file, sax = sax
        assembler.problems.add {
            XMLInputError(file: file, line: sax.line, column: column ?? sax.column, saying: message())
        }
    }

    /// Whether a namespace is the contract's (compared by the dictionary's pointer once it has been seen).
    private mutating func inNamespace(_ uri: UnsafePointer<xmlChar>?) -> Bool {
        guard let uri else { return false }
        if uri == namespacePointer { return true }
        guard Self.text(uri) == ManufacturerReader.namespace else { return false }
        namespacePointer = uri
        return true
    }

    static func text(_ pointer: UnsafePointer<xmlChar>?) -> String { pointer.map { String(cString: $0) } ?? "" }
}
