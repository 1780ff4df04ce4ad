/// Test-only CSV reader.
/// A strict RFC 4180 parser: quoted fields with doubled quotes, CRLF records; a bare CR or LF
/// outside quotes, or a quote inside an unquoted field, is an error.
enum ExportCSVParser {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ bytes: [UInt8]) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var index = 0
        var quoted = false
        func endField() { row.append(String(decoding: field, as: UTF8.self)); field = [] }
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 2
                        continue
                    }
                    quoted = false
                    if index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: ","), bytes[index + 1] != 0x0D {
                        throw Failure(description: "text after a closing quote at byte \(index)")
                    }
                } else {
                    field.append(byte)
                }
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                guard field.isEmpty else { throw Failure(description: "quote inside an unquoted field at byte \(index)") }
                quoted = true
            case UInt8(ascii: ","):
                endField()
            case 0x0D:
                guard index + 1 < bytes.count, bytes[index + 1] == 0x0A else {
                    throw Failure(description: "bare CR at byte \(index)")
                }
                endField()
                rows.append(row)
                row = []
                index += 1
            case 0x0A:
                throw Failure(description: "bare LF at byte \(index)")
            default:
                field.append(byte)
            }
            index += 1
        }
        guard !quoted else { throw Failure(description: "unterminated quoted field") }
        guard field.isEmpty, row.isEmpty else { throw Failure(description: "the last record has no CRLF") }
        return rows
    }
}
