import LeerlijnXML

/// The mutable state of one catalogue load: entries found so far and every diagnostic.
struct LoadSession {
    let reader: SafeXMLReader
    let schema: XMLSchema
    /// Hashes each file as it is read, when the load is to become a snapshot.
    var recorder: SourceRecorder?
    var diagnostics: [Diagnostic] = []
    var programmes: [(value: Programme, file: String, line: Int)] = []
    var requirements: [(value: Requirement, file: String, line: Int)] = []
    /// When set, programmes go here as they are decoded and only their ids are kept.
    var inspect: (@Sendable (Programme) -> Void)?
    /// The programmes handed to `inspect`.
    var inspectedProgrammes: [(id: String, file: String, line: Int)] = []

    init(reader: SafeXMLReader, schema: XMLSchema) {
        self.reader = reader
        self.schema = schema
    }

    mutating func readVocabulary(path: String) -> Vocabulary? {
        var lists: [String: [Vocabulary.Term]] = [:]
        var local: [Diagnostic] = []
        let recording = recorder?.begin(path)
        let summary = reader.read(file: path, schema: schema, observe: recording.map { $0.observe }) { node in
            guard node.name == "terms", let name = node.attribute("name") else { return }
            var terms: [Vocabulary.Term] = []
            var seen = Set<String>()
            for (offset, term) in node.children(named: "term").enumerated() {
                let id = term.attribute("id") ?? ""
                let label = term.children(named: "label")
                let nl = label.first { $0.attribute("lang") == "nl" }?.text ?? id
                let en = label.first { $0.attribute("lang") == "en" }?.text ?? id
                if !seen.insert(id).inserted {
                    local.append(Diagnostic(file: path, line: term.line, column: term.column, field: "term@id",
                                            value: id, message: "duplicate term '\(id)' in vocabulary '\(name)'"))
                }
                let rank = term.attribute("rank").flatMap { Int($0) } ?? offset
                var ages: AgeRange?
                if let min = term.attribute("minAge").flatMap({ Int($0) }), let max = term.attribute("maxAge").flatMap({ Int($0) }) {
                    if min <= max {
                        ages = AgeRange(min: min, max: max)
                    } else {
                        local.append(Diagnostic(file: path, line: term.line, column: term.column, field: "term@minAge",
                                                value: "\(min)-\(max)", message: "term '\(id)': minAge \(min) is greater than maxAge \(max)"))
                    }
                }
                terms.append(.init(id: id, label: LocalizedText(nl: nl, en: en), rank: rank, ages: ages))
            }
            lists[name] = terms
        }
        if let recording { recorder?.finish(recording) }
        diagnostics += summary.diagnostics.map(Diagnostic.init) + local
        if summary.isValid, summary.rootName != "vocabulary" {
            diagnostics.append(Diagnostic(file: path, line: 1, column: 1, field: "root", value: summary.rootName,
                                          message: "expected a <vocabulary> document, found <\(summary.rootName)>"))
        }
        guard summary.isValid, local.isEmpty, summary.rootName == "vocabulary" else { return nil }
        return Vocabulary(lists: lists)
    }

    mutating func readEntries(path: String, expectedRoot: String, vocabulary: Vocabulary) {
        let recorder = self.recorder
        // A large file with nothing to hash or inspect in order: two parts at once, each
        // parsed, validated and decoded on its own (SafeXMLReader.readInParts); when that is
        // not done, the file is read whole below.
        if recorder == nil, inspect == nil {
            let parts = [0, 1].map { _ in RecordPipeline(file: path, vocabulary: vocabulary, expectedRoot: expectedRoot) }
            let summary = reader.readInParts(file: path, schema: schema, batchSize: RecordPipeline.batchSize) { part, batch in
                parts[part].submit(batch)
            }
            let results = parts.map { $0.finish() }
            if let summary {
                absorb(summary: summary, found: results[0].found + results[1].found, inspected: [],
                       friendly: results[0].diagnostics + results[1].diagnostics, path: path, expectedRoot: expectedRoot)
                return
            }
        }
        readEntries(label: path, expectedRoot: expectedRoot, vocabulary: vocabulary) { reader, schema, batch in
            guard let recorder else {
                return reader.read(file: path, schema: schema, batchSize: RecordPipeline.batchSize, batch: batch)
            }
            let recording = recorder.begin(path)
            let summary = reader.read(file: path, schema: schema, observe: recording.observe, batchSize: RecordPipeline.batchSize,
                                      batch: batch)
            recorder.finish(recording)
            return summary
        }
    }

    mutating func readEntries(bytes: [UInt8], label: String, expectedRoot: String, vocabulary: Vocabulary) {
        readEntries(label: label, expectedRoot: expectedRoot, vocabulary: vocabulary) { reader, schema, batch in
            reader.read(bytes: bytes, displayName: label, schema: schema, batchSize: RecordPipeline.batchSize, batch: batch)
        }
    }

    private mutating func readEntries(
        label path: String, expectedRoot: String, vocabulary: Vocabulary,
        source: (SafeXMLReader, XMLSchema, (FlatRecords) -> Void) -> SafeXMLReader.Summary
    ) {
        let pipeline = RecordPipeline(file: path, vocabulary: vocabulary, expectedRoot: expectedRoot, inspect: inspect)
        let summary = source(reader, schema) { pipeline.submit($0) }
        let (found, inspected, friendly) = pipeline.finish()
        absorb(summary: summary, found: found, inspected: inspected, friendly: friendly, path: path, expectedRoot: expectedRoot)
    }

    /// Takes what a read of `path` found and reported.
    private mutating func absorb(summary: SafeXMLReader.Summary,
                                 found: [(programme: Programme?, requirement: Requirement?, line: Int)],
                                 inspected: [(id: String, line: Int)], friendly: [Diagnostic], path: String, expectedRoot: String) {
        inspectedProgrammes += inspected.map { ($0.id, path, $0.line) }
        let friendlyLines = Set(friendly.map(\.line))
        for xml in summary.diagnostics {
            // Our message for an unknown vocabulary value names the field and suggests ids;
            // drop libxml2's enumeration messages about the same line.
            let isEnumeration = xml.message.contains("[facet 'enumeration']")
                || xml.message.contains("is not a valid value of the atomic type")
                || xml.message.contains("[facet 'maxInclusive']")
            if isEnumeration, friendlyLines.contains(xml.line) { continue }
            diagnostics.append(Diagnostic(xml))
        }
        diagnostics += friendly
        let rootAccepted = summary.rootName == expectedRoot
            || (expectedRoot == "*" && (summary.rootName == "programmes" || summary.rootName == "requirements"))
        if summary.isValid, !rootAccepted {
            diagnostics.append(Diagnostic(
                file: path, line: 1, column: 1, field: "root", value: summary.rootName,
                message: expectedRoot == "*" ? "expected a <programmes> or <requirements> document, found <\(summary.rootName)>"
                    : "files under \(expectedRoot)/ hold a <\(expectedRoot)> document, found <\(summary.rootName)>"))
        }
        for (programme, requirement, line) in found {
            if let programme { programmes.append((programme, path, line)) }
            if let requirement { requirements.append((requirement, path, line)) }
        }
    }

    /// Duplicate ids, within and across files (programmes and requirements share one id space).
    mutating func checkAcrossFiles() {
        var seen: [String: (file: String, line: Int)] = [:]
        let entries = programmes.map { ($0.value.id, $0.file, $0.line) } + inspectedProgrammes.map { ($0.id, $0.file, $0.line) }
            + requirements.map { ($0.value.id, $0.file, $0.line) }
        for (id, file, line) in entries where !id.isEmpty {
            if let first = seen[id] {
                diagnostics.append(Diagnostic(
                    file: file, line: line, column: 1, field: "id", value: id,
                    message: "duplicate id '\(id)': already used at \(first.file):\(first.line)"))
            } else {
                seen[id] = (file, line)
            }
        }
    }
}
