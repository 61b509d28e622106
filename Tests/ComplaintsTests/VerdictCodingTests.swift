import Core
import Foundation
import Testing

@testable import Complaints

@Suite("S-1: ratings by dimension in JSON")
struct VerdictCodingTests {
    @Test("S-1: a verdict's ratings by dimension are a JSON object keyed by the dimension, and read back the same")
    func dimensionsAreAnObject() throws {
        let verdict = Complaint.Verdict(
            process: .satisfied, result: .fairlySatisfied,
            dimensions: [.empathy: .satisfied, .responsiveness: .fairlySatisfied], at: Date(timeIntervalSince1970: 0))
        let data = try JSONFormat.encoder(pretty: false).encode(verdict)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let dimensions = try #require(object["dimensions"] as? [String: String], "\(object)")
        #expect(dimensions == ["empathy": "satisfied", "responsiveness": "fairly-satisfied"])
        let ratings = try JSONFormat.encoder(pretty: false).encode(verdict.dimensions)
        #expect(try JSONDecoder().decode([ServiceDimension: Satisfaction].self, from: ratings) == verdict.dimensions)
    }
}
