/// Why a value is in the catalogue: the factsheet states it, a named rule derives it, or it
/// is our own rendering of a name or summary.
///
/// Every field value of a programme or requirement carries one (see ``Provenance``), and
/// every renderer shows it the same way: `stated`, `derived:RULE` or `rendered`.
public enum Basis: Sendable, Hashable, CustomStringConvertible {
    /// The factsheet says it, in the passage the entry cites.
    case stated
    /// Derived by the rule with this id (a term of the vocabulary's `rule` list).
    case derived(rule: String)
    /// Our translation or summary of what the factsheet says.
    case rendered

    /// `stated`, `derived` or `rendered`.
    public var id: String {
        switch self {
        case .stated: "stated"
        case .derived: "derived"
        case .rendered: "rendered"
        }
    }

    /// The rule of a derived value.
    public var rule: String? {
        if case .derived(let rule) = self { return rule }
        return nil
    }

    /// Whether the value is evidence for a property the planner needs: stated, or derived by a rule.
    public var isEvidence: Bool {
        if case .rendered = self { return false }
        return true
    }

    /// `stated`, `derived:education-level-ages` or `rendered`: the one token every export uses.
    public var description: String {
        if case .derived(let rule) = self { return "derived:" + rule }
        return id
    }

    /// Parses ``description``'s form back.
    public init?(token: String) {
        switch token {
        case "stated": self = .stated
        case "rendered": self = .rendered
        default:
            guard token.hasPrefix("derived:"), token.count > 8 else { return nil }
            self = .derived(rule: String(token.dropFirst(8)))
        }
    }
}

/// The basis of every field value of one catalogue entry.
///
/// Values are keyed by field and, for fields with several values, by the value itself
/// (`audience` + `children`, `title` + `nl`); a single-valued field uses the field alone.
/// A value without an entry has no basis and never reaches the catalogue: the loader refuses it.
public struct Provenance: Sendable, Hashable {
    /// One value's basis, as renderers list it.
    public struct Entry: Sendable, Hashable {
        /// The field (`audience`, `ageRange`, `title` …).
        public var field: String
        /// The value within the field (`children`, `nl`), empty for a single-valued field.
        public var value: String
        /// Its basis.
        public var basis: Basis
    }

    /// Sorted by field then value, one entry per (field, value): lookups are binary searches
    /// and ``all`` is free (no hashing of field names, no sort per rendering).
    private var entries: [Entry] = []

    /// An empty record.
    public init() {}

    /// The record that ``set(_:field:value:)`` builds from `entries` set one after another:
    /// sorted once, the last basis of a (field, value) kept. `ranks` gives, for each entry, its
    /// field's place in the sorted order of field names, or -1 to compare the name itself.
    /// `order` is a buffer the caller reuses.
    init(collecting entries: [Entry], ranks: [Int], order: inout [Int]) {
        // Positions are sorted, not entries (moving an entry retains its strings): a stable
        // insertion sort, as a record has a few dozen entries, compared by rank where both
        // fields have one.
        order.removeAll(keepingCapacity: true)
        order.append(contentsOf: entries.indices)
        self.entries = entries.withUnsafeBufferPointer { entries in
            func sameField(_ a: Int, _ b: Int) -> Bool {
                ranks[a] >= 0 && ranks[b] >= 0 ? ranks[a] == ranks[b] : entries[a].field == entries[b].field
            }
            func below(_ a: Int, _ b: Int) -> Bool {
                if sameField(a, b) { return entries[a].value < entries[b].value }
                if ranks[a] >= 0, ranks[b] >= 0 { return ranks[a] < ranks[b] }
                return entries[a].field < entries[b].field
            }
            if order.count > 1 {
                for i in 1..<order.count where below(order[i], order[i - 1]) {
                    let position = order[i]
                    var j = i
                    while j > 0, below(position, order[j - 1]) {
                        order[j] = order[j - 1]
                        j -= 1
                    }
                    order[j] = position
                }
            }
            var kept: [Entry] = []
            kept.reserveCapacity(order.count)
            var last = -1
            for position in order {
                if last >= 0, sameField(last, position), entries[last].value == entries[position].value {
                    kept[kept.count - 1].basis = entries[position].basis
                } else {
                    kept.append(entries[position])
                }
                last = position
            }
            return kept
        }
    }

    /// The first position whose (field, value) is not below the given one.
    private func position(_ field: String, _ value: String) -> Int {
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            let entry = entries[middle]
            if entry.field < field || (entry.field == field && entry.value < value) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Records `basis` for `value` of `field`.
    public mutating func set(_ basis: Basis, field: String, value: String = "") {
        // Values usually arrive in order: append without searching.
        guard let last = entries.last, !(last.field < field || (last.field == field && last.value < value)) else {
            entries.append(Entry(field: field, value: value, basis: basis))
            return
        }
        let at = position(field, value)
        if at < entries.count, entries[at].field == field, entries[at].value == value {
            entries[at].basis = basis
        } else {
            entries.insert(Entry(field: field, value: value, basis: basis), at: at)
        }
    }

    /// The basis of `value` of `field` (or of the single-valued `field`), when recorded.
    public func basis(_ field: String, _ value: String = "") -> Basis? {
        let at = position(field, value)
        guard at < entries.count, entries[at].field == field, entries[at].value == value else { return nil }
        return entries[at].basis
    }

    /// The basis of a value, `stated` when none was recorded (entries built in code).
    public func basisOrStated(_ field: String, _ value: String = "") -> Basis {
        basis(field, value) ?? .stated
    }

    /// Every entry, sorted by field then value, so renderers give stable bytes.
    public var all: [Entry] { entries }

    /// Whether nothing is recorded.
    public var isEmpty: Bool { entries.isEmpty }
}
