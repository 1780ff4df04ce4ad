/// The snapshot's encodings of the programme id table and the planner's digest.
extension SnapshotCodec {
    // MARK: Programme ids

    /// The table as it lies in memory (``ProgrammeIDTable``): its count, then its ends and bytes.
    static func write(_ ids: ProgrammeIDTable, _ sink: inout SnapshotSink) {
        sink.count(ids.count)
        withExtendedLifetime(ids) {
            sink.bytes.append(contentsOf: ids.endBytes)
            sink.bytes.append(contentsOf: ids.utf8)
        }
    }

    /// The table where it lies in `section` (which `s` reads from its start): checked, not copied.
    static func readIDs(_ s: inout SnapshotSource, section: SnapshotRegion, count expected: Int)
        throws(SnapshotRejection) -> ProgrammeIDTable {
        let count = try s.count()
        guard count == expected else { throw SnapshotRejection("id table of \(count) programmes, header says \(expected)") }
        guard section.raw.baseAddress == s.base.baseAddress, section.raw.count == s.base.count, s.end == s.base.count,
              let table = ProgrammeIDTable(stored: section, start: s.offset, count: count)
        else { throw SnapshotRejection("bad id table") }
        s.offset = s.end
        return table
    }

    // MARK: Planner digest

    /// Bytes per programme entry in the digest: nine 64-bit masks, then 32-bit ages, dates,
    /// list positions, evidence rank and flags, so a warm plan reads entries without varints.
    static let digestEntryBytes = 104

    private enum DigestFlag {
        static let deliveryKnown: UInt32 = 1, hasAges: UInt32 = 2, peerLedKnown: UInt32 = 4, peerLed: UInt32 = 8
        static let isActive: UInt32 = 16, hasFrom: UInt32 = 32, hasUntil: UInt32 = 64
    }

    /// Writes the digest; a digest with a value that does not fit its 32-bit field is written as
    /// absent (one 0 byte), and the planner then computes it from the programmes.
    static func write(_ digest: PlannerDigest, _ sink: inout SnapshotSink) {
        func fits(_ value: Int) -> Bool { Int(Int32.min)...Int(Int32.max) ~= value }
        let representable = digest.entries.allSatisfy { e in
            [e.ageRange?.min ?? 0, e.ageRange?.max ?? 0, e.validFromDay ?? 0, e.validUntilDay ?? 0,
             e.evidenceRank, e.languageSet, e.recommendationSet].allSatisfy(fits)
        }
        guard representable else {
            sink.bool(false)
            return
        }
        sink.bool(true)
        sink.count(digest.languageSets.count)
        for set in digest.languageSets { sink.strings(set) }
        sink.count(digest.recommendationSets.count)
        for set in digest.recommendationSets { sink.strings(set) }
        sink.count(digest.candidates.count)
        for list in digest.candidates {
            // Fixed-width positions: read back in one checked pass, without varints.
            sink.count(list.count)
            for p in list { withUnsafeBytes(of: UInt32(truncatingIfNeeded: p).littleEndian) { sink.bytes.append(contentsOf: $0) } }
        }
        sink.count(digest.entries.count)
        sink.bytes.reserveCapacity(sink.bytes.count + digest.entries.count * digestEntryBytes)
        for e in digest.entries {
            for mask in [e.audiences, e.sectors, e.roles, e.topics, e.accessibility, e.levels, e.kind, e.formats, e.features] {
                sink.word(mask)
            }
            func int32(_ value: Int) { withUnsafeBytes(of: Int32(value).littleEndian) { sink.bytes.append(contentsOf: $0) } }
            int32(e.ageRange?.min ?? 0)
            int32(e.ageRange?.max ?? 0)
            int32(e.validFromDay ?? 0)
            int32(e.validUntilDay ?? 0)
            int32(e.languageSet)
            int32(e.recommendationSet)
            int32(e.evidenceRank)
            var flags: UInt32 = 0
            if e.deliveryKnown { flags |= DigestFlag.deliveryKnown }
            if e.ageRange != nil { flags |= DigestFlag.hasAges }
            if let peerLed = e.peerLed { flags |= DigestFlag.peerLedKnown | (peerLed ? DigestFlag.peerLed : 0) }
            if e.isActive { flags |= DigestFlag.isActive }
            if e.validFromDay != nil { flags |= DigestFlag.hasFrom }
            if e.validUntilDay != nil { flags |= DigestFlag.hasUntil }
            withUnsafeBytes(of: flags.littleEndian) { sink.bytes.append(contentsOf: $0) }
        }
    }

    /// Reads a digest, or `nil` when it was written as absent. `section` holds the bytes `s`
    /// reads (from its start): the entries are left in it, not copied.
    static func readDigest(_ s: inout SnapshotSource, section: SnapshotRegion, count expected: Int, requirements: Int)
        throws(SnapshotRejection) -> PlannerDigest? {
        guard try s.bool() else { return nil }
        var languageSets: [[String]] = [], recommendationSets: [[String]] = []
        for _ in 0..<(try s.count()) { languageSets.append(try s.strings()) }
        for _ in 0..<(try s.count()) { recommendationSets.append(try s.strings()) }
        guard try s.count() == requirements else { throw SnapshotRejection("digest candidates for another number of requirements") }
        var candidates: [[Int]] = []
        for _ in 0..<requirements {
            let n = try s.count()
            guard n <= (s.end - s.offset) / 4 else { throw SnapshotRejection("candidate list past the end of the digest") }
            let list = [Int](unsafeUninitializedCapacity: n) { out, initialized in
                let base = s.base, at = s.offset
                var previous = -1, ascending = true
                for i in 0..<n {
                    let p = Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: at + 4 * i, as: UInt32.self)))
                    ascending = ascending && p > previous
                    previous = p
                    out[i] = p
                }
                initialized = ascending && previous < expected ? n : 0
            }
            guard list.count == n else { throw SnapshotRejection("bad candidate list in the digest") }
            s.offset += 4 * n
            candidates.append(list)
        }
        let count = try s.natural()
        guard count == expected else { throw SnapshotRejection("digest of \(count) programmes, header says \(expected)") }
        guard s.end - s.offset == count * digestEntryBytes else {
            throw SnapshotRejection("digest entries of \(s.end - s.offset) bytes, expected \(count * digestEntryBytes)")
        }
        // The entries stay where they are, unread here: each is read field by field when the
        // planner asks (`digestEntry`), which keeps its list positions inside the lists, so
        // no byte of an entry can make the planner index out of bounds; a damaged entry is
        // found by the section's checksum (verified beside the planning) and never shown.
        guard count == 0 || (!languageSets.isEmpty && !recommendationSets.isEmpty) else {
            throw SnapshotRejection("digest entries without language or recommendation lists")
        }
        let base = s.base, start = s.offset
        guard section.raw.baseAddress == base.baseAddress, section.raw.count == base.count else {
            throw SnapshotRejection("the digest was read from part of its section")
        }
        let entries = ProgrammeEntries(stored: section, start: start, count: count,
                                       languageSets: languageSets.count, recommendationSets: recommendationSets.count)
        s.offset = s.end
        return PlannerDigest(entries: entries, languageSets: languageSets, recommendationSets: recommendationSets,
                             candidates: candidates)
    }

    /// The stored entry at byte `at` of `base`; its list positions are kept inside
    /// `0..<languageSets` and `0..<recommendationSets` (both non-empty), and unknown flags are
    /// ignored, so damaged bytes give a wrong entry (which the checksum catches), never a trap.
    @inline(__always)
    static func digestEntry(_ base: UnsafeRawBufferPointer, at: Int, languageSets: Int, recommendationSets: Int)
        -> PlannerIndex.ProgrammeEntry {
        func word(_ n: Int) -> UInt64 { UInt64(littleEndian: base.loadUnaligned(fromByteOffset: at + 8 * n, as: UInt64.self)) }
        func int32(_ n: Int) -> Int { Int(Int32(littleEndian: base.loadUnaligned(fromByteOffset: at + 72 + 4 * n, as: Int32.self))) }
        func position(_ n: Int, below limit: Int) -> Int {
            let value = int32(n)
            return value >= 0 && value < limit ? value : 0
        }
        let flags = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: at + 100, as: UInt32.self))
        return PlannerIndex.ProgrammeEntry(
            audiences: word(0), sectors: word(1), roles: word(2), topics: word(3), accessibility: word(4),
            levels: word(5), kind: word(6), formats: word(7), features: word(8),
            deliveryKnown: flags & DigestFlag.deliveryKnown != 0,
            ageRange: flags & DigestFlag.hasAges != 0 ? AgeRange(min: int32(0), max: int32(1)) : nil,
            peerLed: flags & DigestFlag.peerLedKnown != 0 ? flags & DigestFlag.peerLed != 0 : nil,
            evidenceRank: int32(6), isActive: flags & DigestFlag.isActive != 0,
            validFromDay: flags & DigestFlag.hasFrom != 0 ? int32(2) : nil,
            validUntilDay: flags & DigestFlag.hasUntil != 0 ? int32(3) : nil,
            languageSet: position(4, below: languageSets), recommendationSet: position(5, below: recommendationSets))
    }
}
