import LeerlijnXML

/// Writes RFC 4180 CSV: UTF-8 without BOM, CRLF line ends, a constant column count, and
/// spreadsheet formula injection neutralised.
///
/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with a
/// single quote (`'`), the OWASP-recommended neutralisation, so spreadsheets show it as text.
/// Cells with a comma, quote, CR or LF are quoted, with quotes doubled.
public struct CSVWriter: Sendable {
    /// The header, which fixes the column count.
    public let header: [String]
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    /// Starts a document with its header row.
    public init(header: [String]) {
        self.header = header
        appendRow(header)
    }

    /// Hands over the bytes written so far and continues with an empty buffer.
    public mutating func takeBytes() -> [UInt8] {
        bytes.takeAll()
    }

    /// Appends one row; missing cells are written empty, extra cells are dropped.
    public mutating func appendRow(_ cells: [String]) {
        for column in 0..<header.count {
            if column > 0 { bytes.append(UInt8(ascii: ",")) }
            if column < cells.count { CSVWriter.appendCell(cells[column], into: &bytes) }
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
    }

    /// The cell as it will be written, after neutralisation (without quoting).
    public static func neutralised(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first else { return cell }
        switch first {
        case "=", "+", "-", "@", "\t", "\r": return "'" + cell
        default: return cell
        }
    }

    static func appendCell(_ raw: String, into bytes: inout [UInt8]) {
        let cell = neutralised(raw)
        let needsQuotes = cell.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else {
            bytes.append(contentsOf: cell.utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in cell.utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
