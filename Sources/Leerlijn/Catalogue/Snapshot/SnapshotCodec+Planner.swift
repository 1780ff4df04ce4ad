/// The snapshot's encodings of the programme id table and the planner's digest.
extension SnapshotCodec {
    // MARK: Programme ids

    static func write(_ ids: ProgrammeIDTable, _ sink: inout SnapshotSink) {
        sink.count(ids.count)
        var previous: UInt32 = 0
        for end in ids.ends {
            sink.count(Int(end - previous))
            previous = end
        }
        sink.bytes.append(contentsOf: ids.bytes)
    }

    static func readIDs(_ s: inout SnapshotSource, count expected: Int) throws(SnapshotRejection) -> ProgrammeIDTable {
        let count = try s.count()
        guard count == expected else { throw SnapshotRejection("id table of \(count) programmes, header says \(expected)") }
        var ends: [UInt32] = []
        ends.reserveCapacity(count)
        var total = 0
        for _ in 0..<count {
            total += try s.count()
            guard total <= Int(UInt32.max) else { throw SnapshotRejection("id table too long") }
            ends.append(UInt32(total))
        }
        guard s.end - s.offset == total else { throw SnapshotRejection("id table of \(total) bytes, \(s.end - s.offset) stored") }
        let bytes = [UInt8](UnsafeRawBufferPointer(rebasing: s.base[s.offset..<s.end]))
        s.offset = s.end
        guard let table = ProgrammeIDTable(bytes: bytes, ends: ends) else { throw SnapshotRejection("bad id table") }
        return table
    }

    // MARK: Planner digest

    static func write(_ digest: PlannerDigest, _ sink: inout SnapshotSink) {
        sink.count(digest.languageSets.count)
        for set in digest.languageSets { sink.strings(set) }
        sink.count(digest.recommendationSets.count)
        for set in digest.recommendationSets { sink.strings(set) }
        sink.count(digest.entries.count)
        for e in digest.entries {
            for mask in [e.audiences, e.sectors, e.roles, e.topics, e.accessibility, e.levels, e.kind, e.formats, e.features] {
                sink.uint(mask)
            }
            sink.bool(e.deliveryKnown)
            sink.optional(e.ageRange) { SnapshotCodec.write($1, &$0) }
            write(e.peerLed, &sink)
            sink.int(e.evidenceRank)
            sink.bool(e.isActive)
            sink.optional(e.validFrom) { SnapshotCodec.write($1, &$0) }
            sink.optional(e.validUntil) { SnapshotCodec.write($1, &$0) }
            sink.count(e.languageSet)
            sink.count(e.recommendationSet)
        }
        sink.count(digest.candidates.count)
        for list in digest.candidates {
            sink.count(list.count)
            var previous = -1
            for p in list {
                sink.count(p - previous)
                previous = p
            }
        }
    }

    static func readDigest(_ s: inout SnapshotSource, count expected: Int, requirements: Int)
        throws(SnapshotRejection) -> PlannerDigest {
        var languageSets: [[String]] = [], recommendationSets: [[String]] = []
        for _ in 0..<(try s.count()) { languageSets.append(try s.strings()) }
        for _ in 0..<(try s.count()) { recommendationSets.append(try s.strings()) }
        let count = try s.count()
        guard count == expected else { throw SnapshotRejection("digest of \(count) programmes, header says \(expected)") }
        var entries: [PlannerIndex.ProgrammeEntry] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let audiences = try s.uint(), sectors = try s.uint(), roles = try s.uint(), topics = try s.uint()
            let accessibility = try s.uint(), levels = try s.uint(), kind = try s.uint(), formats = try s.uint()
            let features = try s.uint(), deliveryKnown = try s.bool()
            let ageRange = try s.optional { (s: inout SnapshotSource) throws(SnapshotRejection) in try readAgeRange(&s) }
            let peerLed = try readOptionalBool(&s), evidenceRank = try s.int(), isActive = try s.bool()
            let validFrom = try readOptionalDate(&s), validUntil = try readOptionalDate(&s)
            let languageSet = try s.natural(), recommendationSet = try s.natural()
            guard languageSet < languageSets.count, recommendationSet < recommendationSets.count else {
                throw SnapshotRejection("digest entry points past its lists")
            }
            entries.append(.init(audiences: audiences, sectors: sectors, roles: roles, topics: topics,
                                 accessibility: accessibility, levels: levels, kind: kind, formats: formats,
                                 features: features, deliveryKnown: deliveryKnown, ageRange: ageRange, peerLed: peerLed,
                                 evidenceRank: evidenceRank, isActive: isActive, validFrom: validFrom, validUntil: validUntil,
                                 languageSet: languageSet, recommendationSet: recommendationSet))
        }
        guard try s.count() == requirements else { throw SnapshotRejection("digest candidates for another number of requirements") }
        var candidates: [[Int]] = []
        for _ in 0..<requirements {
            let n = try s.count()
            var list: [Int] = []
            list.reserveCapacity(n)
            var previous = -1
            for _ in 0..<n {
                let step = try s.natural()
                guard step > 0, previous + step < count else { throw SnapshotRejection("bad candidate list in the digest") }
                previous += step
                list.append(previous)
            }
            candidates.append(list)
        }
        return PlannerDigest(entries: entries, languageSets: languageSets, recommendationSets: recommendationSets,
                             candidates: candidates)
    }
}
