import LeerlijnXML

extension RecordDecoder {
    /// Decodes a `<programme>` record.
    mutating func programme(_ element: FlatElement) -> Programme {
        let node = Fields(element)
        let id = id(element)
        var ageRange: AgeRange?
        if let ages = node.first(.ageRange) {
            let min = age(ages, .min, field: "ageRange@min"), max = age(ages, .max, field: "ageRange@max")
            if let min, let max {
                if min > max {
                    error(ages, field: "ageRange", value: "\(min)-\(max)",
                          "ageRange: min \(min) is greater than max \(max)")
                } else {
                    ageRange = AgeRange(min: min, max: max)
                }
            }
        }
        let evidence = term(node, .evidence, as: EvidenceLevel.self) ?? EvidenceLevel("not-assessed")
        let kind = term(node, .kind, as: ProgrammeKind.self)
        let status = status(node, of: element)
        let lastModified = date(node, .lastModified) ?? CalendarDate(daysSinceEpoch: 0)
        let validFrom = date(node, .validFrom), validUntil = date(node, .validUntil)
        if let validFrom, let validUntil, validFrom > validUntil {
            error(element, field: "validUntil", value: validUntil.description,
                  "validUntil \(validUntil) is before validFrom \(validFrom)")
        }
        if case .ended(let endDate, _) = status, let endDate, let validFrom, endDate < validFrom {
            error(element, field: "status@date", value: endDate.description,
                  "status: ended on \(endDate), before it started (validFrom \(validFrom))")
        }
        var peerLed: Bool?
        if let raw = text(node, .peerLed) { peerLed = raw == "true" || raw == "1" }
        var urls: [ProgrammeURL] = []
        for url in node.all(.url) {
            urls.append(ProgrammeURL(kind: url.attribute(.kind) ?? "website", url: trimmed(url.text)))
        }
        // Each argument in the order the initialiser lists them (diagnostics come in that order),
        // then the age rule, before the programme is built once.
        let title = localized(element, .title), summary = localized(element, .summary)
        let providers = texts(node, .provider), audiences = terms(node, .audience, as: Audience.self)
        let educationLevels = terms(node, .educationLevel, as: EducationLevel.self)
        let sectors = terms(node, .sector, as: Sector.self), roles = terms(node, .role, as: Role.self)
        let topics = terms(node, .topic, as: Topic.self), formats = terms(node, .format, as: DeliveryFormat.self)
        let languages = texts(node, .language)
        let accessibility = terms(node, .accessibility, as: AccessibilityFeature.self)
        let features = terms(node, .feature, as: Feature.self)
        let duration = text(node, .duration), cost = term(node, .cost, as: Cost.self)
        let recommendations = texts(node, .recommendation)
        let source = source(element), note = text(node, .note)
        var provenance = provenance(element)
        deriveAges(&ageRange, provenance: &provenance, educationLevels: educationLevels, element: element)
        return Programme(
            id: id, title: title, summary: summary, kind: kind, providers: providers, audiences: audiences,
            ageRange: ageRange, educationLevels: educationLevels, sectors: sectors, roles: roles, topics: topics,
            formats: formats, languages: languages, accessibility: accessibility, features: features,
            peerLed: peerLed, evidence: evidence, duration: duration, cost: cost, urls: urls, status: status,
            validFrom: validFrom, validUntil: validUntil, recommendations: recommendations,
            source: source, note: note, lastModified: lastModified, provenance: provenance)
    }

    private mutating func status(_ node: Fields, of element: FlatElement) -> ProgrammeStatus {
        guard let child = node.first(.status) else {
            error(element, field: "status", value: nil, "missing status (active or ended)")
            return .active
        }
        let value = child.attribute(.value) ?? ""
        let date = child.attribute(.date)
        let year = child.attribute(.year)
        switch value {
        case "active":
            if date != nil || year != nil {
                error(child, field: "status@date", value: date ?? year,
                      "status: an active entry has no end date or year; use validUntil for a planned end")
            }
            return .active
        case "ended":
            var endDate: CalendarDate?
            if let date {
                endDate = CalendarDate(iso: date)
                if endDate == nil {
                    error(child, field: "status@date", value: date, "status: '\(date)' is not a date (YYYY-MM-DD)")
                }
            }
            let endYear = year.flatMap { Int($0) }
            if let endDate, let endYear, endDate.year != endYear {
                error(child, field: "status@year", value: year,
                      "status: year \(endYear) contradicts date \(endDate)")
            }
            return .ended(date: endDate, year: endYear ?? endDate?.year)
        default:
            unknownTerm(child, field: "status@value", value: value, vocabularyName: "status")
            return .active
        }
    }

    /// Decodes a `<requirement>` record.
    mutating func requirement(_ element: FlatElement) -> Requirement {
        let node = Fields(element)
        let id = id(element)
        let applies = Fields(node.first(.appliesTo))
        let needs = Fields(node.first(.needs))
        let validFrom = date(node, .validFrom), validUntil = date(node, .validUntil)
        if let validFrom, let validUntil, validFrom > validUntil {
            error(element, field: "validUntil", value: validUntil.description,
                  "validUntil \(validUntil) is before validFrom \(validFrom)")
        }
        var peerLed: Bool?
        if let raw = text(needs, .peerLed) { peerLed = raw == "true" || raw == "1" }
        return Requirement(
            id: id, title: localized(element, .title), summary: localized(element, .summary),
            strength: term(node, .strength, as: Strength.self) ?? Strength("invite"),
            binds: term(node, .binds, as: Binds.self) ?? Binds("state"),
            recommendations: texts(node, .recommendation),
            appliesTo: .init(sectors: terms(applies, .sector, as: Sector.self),
                             roles: terms(applies, .role, as: Role.self),
                             audiences: terms(applies, .audience, as: Audience.self),
                             learnerAges: openAges(applies.first(.learnerAges), field: "appliesTo/learnerAges")),
            needs: .init(audiences: terms(needs, .audience, as: Audience.self),
                         topics: terms(needs, .topic, as: Topic.self),
                         allTopics: needs.attribute(.topicMatch) == "all",
                         learnerAges: openAges(needs.first(.learnerAges), field: "needs/learnerAges"),
                         accessibility: terms(needs, .accessibility, as: AccessibilityFeature.self),
                         peerLed: peerLed,
                         kinds: terms(needs, .kind, as: ProgrammeKind.self),
                         formats: terms(needs, .format, as: DeliveryFormat.self),
                         isOrganisational: ["true", "1"].contains(needs.attribute(.organisational) ?? ""),
                         features: terms(needs, .feature, as: Feature.self)),
            validFrom: validFrom, validUntil: validUntil, source: source(element), note: text(node, .note),
            lastModified: date(node, .lastModified) ?? CalendarDate(daysSinceEpoch: 0),
            provenance: provenance(element))
    }
}
