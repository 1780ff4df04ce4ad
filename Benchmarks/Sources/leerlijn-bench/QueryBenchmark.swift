import Leerlijn
import LeerlijnSynthetic

/// Query speed at scale: Leerlijn's indexes against SQLite with covering indexes (and FTS5
/// for text) on the same synthetic programmes.
struct QueryBenchmark {
    let catalogue: Catalogue
    let queriesPerKind: Int
    let seed: UInt64

    struct Workload {
        var ageTopic: [(age: Int, topic: String)] = []
        var sectorRole: [(sector: String, role: String)] = []
        var text: [String] = []
    }

    func workload() -> Workload {
        var random = SplitMix64(seed: seed &+ 1)
        let vocabulary = catalogue.vocabulary
        var work = Workload()
        let topics = vocabulary.ids("topic"), sectors = vocabulary.ids("sector"), roles = vocabulary.ids("role")
        for _ in 0..<queriesPerKind {
            work.ageTopic.append((random.int(in: 0...18), topics[random.int(in: 0...(topics.count - 1))]))
            work.sectorRole.append((sectors[random.int(in: 0...(sectors.count - 1))], roles[random.int(in: 0...(roles.count - 1))]))
            let words = SyntheticCatalogue.dutchWords
            var text = words[random.int(in: 0...(words.count - 1))]
            if random.chance(50) { text = String(text.prefix(max(3, text.count - 2))) }
            work.text.append(text)
        }
        return work
    }

    /// Loads the peer database: denormalised tables with covering indexes, FTS5 for text.
    func buildPeer() throws -> SQLitePeer {
        let peer = try SQLitePeer()
        try peer.execute("""
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            CREATE TABLE age_topic(topic TEXT, active INT, min_age INT, max_age INT, pos INT);
            CREATE TABLE sector_role(sector TEXT, role TEXT, active INT, pos INT);
            CREATE VIRTUAL TABLE text_index USING fts5(title_nl, title_en, summary_nl, summary_en,
                tokenize='unicode61 remove_diacritics 2');
            BEGIN;
            """)
        let ageTopic = try peer.prepare("INSERT INTO age_topic VALUES (?1, ?2, ?3, ?4, ?5)")
        let sectorRole = try peer.prepare("INSERT INTO sector_role VALUES (?1, ?2, ?3, ?4)")
        let text = try peer.prepare("INSERT INTO text_index(rowid, title_nl, title_en, summary_nl, summary_en) VALUES (?1, ?2, ?3, ?4, ?5)")
        for (position, index) in catalogue.index.order.enumerated() {
            let programme = catalogue.programmes[index]
            let active = programme.status == .active ? 1 : 0
            if let range = programme.ageRange {
                for topic in programme.topics {
                    ageTopic.bind(1, topic.rawValue); ageTopic.bind(2, active); ageTopic.bind(3, range.min)
                    ageTopic.bind(4, range.max); ageTopic.bind(5, position)
                    try ageTopic.run()
                }
            }
            for sector in programme.sectors {
                for role in programme.roles {
                    sectorRole.bind(1, sector.rawValue); sectorRole.bind(2, role.rawValue); sectorRole.bind(3, active)
                    sectorRole.bind(4, position)
                    try sectorRole.run()
                }
            }
            text.bind(1, position); text.bind(2, programme.title.nl); text.bind(3, programme.title.en)
            text.bind(4, programme.summary.nl); text.bind(5, programme.summary.en)
            try text.run()
        }
        try peer.execute("""
            COMMIT;
            CREATE INDEX age_topic_covering ON age_topic(topic, active, min_age, max_age, pos);
            CREATE INDEX sector_role_covering ON sector_role(sector, role, active, pos);
            ANALYZE;
            """)
        return peer
    }

    func run(into report: inout BenchmarkReport) throws {
        let work = workload()
        var peer: SQLitePeer?
        let peerBuild = try Timing.measure { peer = try buildPeer() }
        guard let peer else { return }
        report.notes.append(String(format: "query: SQLite peer built in %.2f s (%d programmes, covering indexes, FTS5)",
                                   peerBuild, catalogue.programmes.count))
        let ageTopicSQL = try peer.prepare(
            "SELECT pos FROM age_topic WHERE topic = ?1 AND active = 1 AND min_age <= ?2 AND max_age >= ?2 ORDER BY pos")
        let sectorRoleSQL = try peer.prepare(
            "SELECT pos FROM sector_role WHERE sector = ?1 AND role = ?2 AND active = 1 ORDER BY pos")
        let textSQL = try peer.prepare(
            "SELECT rowid FROM text_index WHERE text_index MATCH ?1 ORDER BY bm25(text_index, 3.0, 3.0, 1.0, 1.0)")

        try compare("age + topic", work.ageTopic.map { item in
            var query = CatalogueQuery()
            query.age = item.age
            query.topics = [Topic(item.topic)]
            return (query, { ageTopicSQL.bind(1, item.topic); ageTopicSQL.bind(2, item.age); return try ageTopicSQL.integers() })
        }, target: "median ≤ 0.3 ms, ≥ 5× SQLite", into: &report)
        try compare("sector + role", work.sectorRole.map { item in
            var query = CatalogueQuery()
            query.sectors = [Sector(item.sector)]
            query.roles = [Role(item.role)]
            return (query, { sectorRoleSQL.bind(1, item.sector); sectorRoleSQL.bind(2, item.role); return try sectorRoleSQL.integers() })
        }, target: "–", into: &report)

        var ours: [Double] = [], theirs: [Double] = [], results = 0
        for word in work.text {
            var query = CatalogueQuery()
            query.text = word
            query.includeEnded = true
            var count = 0
            ours.append(Timing.measure { count = query.matchingPositions(in: catalogue).count })
            theirs.append(try Timing.measure {
                textSQL.bind(1, "\"\(word)\"*")
                _ = try textSQL.integers()
            })
            results += count
        }
        add(&report, "text (prefix, ranked)", ours, theirs, "SQLite FTS5 bm25", target: "–")
        report.notes.append("query text: mean \(results / max(1, work.text.count)) results per word")
    }

    /// Times each query against its SQLite statement and checks that both return the same list.
    private func compare(_ name: String, _ cases: [(CatalogueQuery, () throws -> [Int])], target: String,
                         into report: inout BenchmarkReport) throws {
        var ours: [Double] = [], theirs: [Double] = [], mismatches = 0, results = 0
        for (query, peerQuery) in cases {
            var mine: [Int] = [], peerResult: [Int] = []
            ours.append(Timing.measure { mine = query.matchingPositions(in: catalogue) })
            theirs.append(try Timing.measure { peerResult = try peerQuery() })
            if mine != peerResult { mismatches += 1 }
            results += mine.count
        }
        add(&report, name, ours, theirs, "SQLite covering index", target: target)
        report.notes.append("query \(name): \(mismatches) of \(cases.count) result lists differ from SQLite; "
                            + "mean \(results / max(1, cases.count)) results")
    }

    private func add(_ report: inout BenchmarkReport, _ name: String, _ ours: [Double], _ theirs: [Double],
                     _ peer: String, target: String) {
        report.rows.append(BenchmarkRow(suite: "query", figure: "\(name) median", leerlijn: Timing.quantile(ours, 0.5),
                                        peerName: peer, peer: Timing.quantile(theirs, 0.5), unit: "ms", target: target))
        report.rows.append(BenchmarkRow(suite: "query", figure: "\(name) p95", leerlijn: Timing.quantile(ours, 0.95),
                                        peerName: peer, peer: Timing.quantile(theirs, 0.95), unit: "ms", target: "–"))
    }
}
