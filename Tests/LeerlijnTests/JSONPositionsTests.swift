import Foundation
import Testing
@testable import Leerlijn

@Suite("JSON profile positions")
struct JSONPositionsTests {
    @Test("Every value's JSON path has its line and column")
    func positions() {
        let text = "{\n  \"id\": \"x\",\n  \"roles\": [\n    {\"role\": \"coach\", \"headcount\": 35},\n    {\"r\\u00f4le\": [1, 2.5e3, -0, true, null]}\n  ]\n}\n"
        let scanner = JSONPositions(bytes: Array(text.utf8))
        #expect(scanner.error == nil)
        #expect(scanner.positions["$"] == .init(line: 1, column: 1))
        #expect(scanner.positions["$.id"] == .init(line: 2, column: 9))
        #expect(scanner.positions["$.roles[0]"] == .init(line: 4, column: 5))
        #expect(scanner.positions["$.roles[0].headcount"] == .init(line: 4, column: 36))
        #expect(scanner.positions["$.roles[1].rôle[4]"] == .init(line: 5, column: 40))
        // A path that has no value falls back to its nearest enclosing value.
        #expect(scanner.position(of: "$.roles[0].audience") == .init(line: 4, column: 5))
        #expect(scanner.position(of: "$.missing.deeper") == .init(line: 1, column: 1))
    }

    @Test("Syntax errors are placed and described", arguments: [
        ("{\"a\": 1,}", 1, 9, "expected a field name in quotes"),
        ("{\"a\": 1 \"b\": 2}", 1, 9, "expected ',' or '}' but found '\"'"),
        ("{\"a\": 1e400}", 1, 7, "the number 1e400 is out of range"),
        ("{\"a\": 01}", 1, 7, "a number may not start with 0"),
        ("{\"a\": \"x\ny\"}", 1, 9, "a control character (byte 0xA) inside a string must be escaped"),
        ("{\"a\": tru}", 1, 7, "unexpected 't' where a value was expected"),
        ("{\"a\": [1, 2}", 1, 12, "expected ',' or ']' but found '}'"),
        ("{} x", 1, 4, "unexpected 'x' after the end of the document"),
        ("{\"a\": \"\\q\"}", 1, 9, "unknown escape \\'q'"),
        ("{\"a\": ", 1, 7, "the document ends where a value was expected"),
    ])
    func syntaxErrors(text: String, line: Int, column: Int, message: String) {
        let error = JSONPositions(bytes: Array(text.utf8)).error
        #expect(error?.position == .init(line: line, column: column))
        #expect(error?.message == message)
    }

    @Test("Nesting is bounded: deep documents are refused, never recursed without end")
    func depth() {
        let deep = JSONPositions(bytes: Array(String(repeating: "[", count: 100_000).utf8)).error
        #expect(deep?.message == "nested more than \(JSONPositions.maximumDepth) levels deep")
        let fine = String(repeating: "[", count: 10) + String(repeating: "]", count: 10)
        #expect(JSONPositions(bytes: Array(fine.utf8)).error == nil)
    }

    @Test("A JSON profile's errors carry file:line:column, field and value")
    func profileDiagnostics() throws {
        let original = try String(contentsOfFile: TestSupport.catalogPath + "/profiles/sports-club.json", encoding: .utf8)
        let bad = original.replacingOccurrences(of: "\"headcount\": 35", with: "\"headcount\": \"x\"")
        #expect(bad != original)
        let offset = try #require(bad.utf8.firstRange(of: Array("\"x\"".utf8))).lowerBound
        let before = bad.utf8[..<offset]
        let line = before.filter { $0 == 0x0A }.count + 1
        let column = before.count - (before.lastIndex(of: 0x0A).map { bad.utf8.distance(from: bad.utf8.startIndex, to: $0) + 1 } ?? 0) + 1
        let loader = ProfileLoader(catalogue: try TestSupport.catalogue())
        let result = Result { () throws(LeerlijnError) -> OrganisationProfile in try loader.decode(json: Array(bad.utf8), file: "profile.json") }
        guard case .failure(.invalidData(let diagnostics)) = result else {
            Issue.record("the bad profile was not refused as invalid data")
            return
        }
        let expected = "profile.json:\(line):\(column): error: $.roles[0].headcount: expected an integer (value: \"x\")"
        let described = diagnostics.map { $0.description }
        #expect(described == [expected])
        let first = diagnostics.first
        #expect(first?.field == "$.roles[0].headcount")
        #expect(first?.value == "\"x\"")
    }
}
