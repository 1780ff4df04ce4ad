/// The fixed wording of the published pages in one language: headings, labels, buttons,
/// the legend and the markers' accessible names.
///
/// Only our own words live here; the catalogue's values (titles, summaries, vocabulary labels,
/// rule names) come from the catalogue in the page's language, never from this table.
struct SiteText: Sendable {
    var language: SiteLanguage
    // Catalogue page.
    var catalogueTitle: String
    var skipToCatalogue: String
    var catalogueHeading: String
    var catalogueIntro: String
    var downloads: String
    var footer: String
    // Filter form.
    var filterHeading: String
    var ageLabel: String
    var statedAgesLabel: String
    var audienceLabel: String
    var topicLabel: String
    var sectorLabel: String
    var allOption: String
    var clearFilters: String
    /// The live result count; `filter.js` replaces `{shown}` and `{total}`.
    var shownMessage: String
    // Table and facts.
    var headers: [String]
    var captionPrefix: String
    var years: String
    var active: String
    var ended: String
    var derivedByRule: String
    var ourRendering: String
    // Legend.
    var legendHeading: String
    var statedTerm: String
    var statedDescription: String
    var derivedTerm: String
    var derivedDescription: String
    var renderedTerm: String
    var renderedDescription: String
    // Programme page.
    var skipToContent: String
    var breadcrumb: String
    var backToCatalogue: String
    var links: String
    var source: String
    var sourcePrefix: String
    var footnote: String
    // Language switch.
    var languageNavigation: String

    static func of(_ language: SiteLanguage) -> SiteText {
        switch language {
        case .nl: dutch
        case .en: english
        }
    }

    /// The description of a published download in the catalogue page's footer.
    func describe(_ file: String) -> String {
        let english = language == .en
        switch file {
        case ExportFormat.xml.fileName:
            return english ? "Catalogue as XML (catalogue.xml, schema catalogue.xsd)"
                : "Catalogus als XML (catalogue.xml, schema catalogue.xsd)"
        case ExportFormat.json.fileName:
            return english ? "Catalogue as JSON (catalogue.json, schema catalogue.schema.json)"
                : "Catalogus als JSON (catalogue.json, schema catalogue.schema.json)"
        case ExportFormat.atom.fileName: return english ? "Atom feed (feed.atom)" : "Atom-feed (feed.atom)"
        case ExportFormat.jsonld.fileName: return "Linked data, schema.org (catalogue.jsonld)"
        case ExportFormat.csv.fileName: return "Spreadsheet (catalogue.csv)"
        default: return file
        }
    }

    static let dutch = SiteText(
        language: .nl,
        catalogueTitle: "Leerlijn: catalogus",
        skipToCatalogue: "Direct naar de catalogus",
        catalogueHeading: "Leerlijn: programma’s en trainingen",
        catalogueIntro: "Voorlichting, lesmethoden, trainingen en diensten over seksuele uitbuiting en seksueel "
            + "misbruik van kinderen in Nederland. Bron: factsheet van het Lanzarote-comité van de Raad van "
            + "Europa over Nederland (maart 2023, bijgewerkt maart 2025).",
        downloads: "Downloads",
        footer: "Gegenereerd door Leerlijn \(LeerlijnVersion.string). Gegevens die de bron niet noemt, zijn weggelaten.",
        filterHeading: "Filteren",
        ageLabel: "Leeftijd van de leerling (jaren)",
        statedAgesLabel: "Alleen leeftijden die de bron noemt (geen afgeleide " + BasisText.derivedMarker + ")",
        audienceLabel: "Doelgroep",
        topicLabel: "Onderwerp",
        sectorLabel: "Sector",
        allOption: "Alle",
        clearFilters: "Wis filters",
        shownMessage: "{shown} van {total} programma’s getoond",
        headers: ["Programma", "Samenvatting", "Soort", "Doelgroepen", "Leeftijd", "Onderwerpen", "Sectoren",
                  "Aanbieders", "Status"],
        captionPrefix: "Programma’s, materialen, trainingen en diensten",
        years: "jaar",
        active: "Actief",
        ended: "Beëindigd",
        derivedByRule: "afgeleid volgens regel",
        ourRendering: "onze vertaling of samenvatting",
        legendHeading: "Herkomst van de gegevens",
        statedTerm: "Vermeld (zonder teken)",
        statedDescription: "De factsheet zegt het, in de passage die het programma als bron noemt.",
        derivedTerm: "Afgeleid",
        derivedDescription: "Afgeleid volgens een vaste regel, die hier één keer staat. De leeftijdsfilter neemt "
            + "afgeleide leeftijden mee, net als ",
        renderedTerm: "Onze vertaling",
        renderedDescription: "Een titel of samenvatting in onze eigen woorden of vertaling; geen officiële naam.",
        skipToContent: "Direct naar de inhoud",
        breadcrumb: "Kruimelpad",
        backToCatalogue: "Leerlijn: catalogus",
        links: "Adressen",
        source: "Bron",
        sourcePrefix: "Factsheet van het Lanzarote-comité over Nederland, hoofdstuk ",
        footnote: "voetnoot",
        languageNavigation: "Taal")

    static let english = SiteText(
        language: .en,
        catalogueTitle: "Leerlijn: catalogue",
        skipToCatalogue: "Skip to the catalogue",
        catalogueHeading: "Leerlijn: programmes and training",
        catalogueIntro: "Awareness-raising, teaching methods, training and services on the sexual exploitation and "
            + "sexual abuse of children in the Netherlands. Source: the Council of Europe Lanzarote Committee’s "
            + "factsheet on the Netherlands (March 2023, updated March 2025).",
        downloads: "Downloads",
        footer: "Generated by Leerlijn \(LeerlijnVersion.string). Values the source does not give are left out.",
        filterHeading: "Filter",
        ageLabel: "Learner’s age (years)",
        statedAgesLabel: "Only ages the source states (no derived " + BasisText.derivedMarker + ")",
        audienceLabel: "Audience",
        topicLabel: "Topic",
        sectorLabel: "Sector",
        allOption: "All",
        clearFilters: "Clear filters",
        shownMessage: "{shown} of {total} programmes shown",
        headers: ["Programme", "Summary", "Kind", "Audiences", "Age", "Topics", "Sectors", "Providers", "Status"],
        captionPrefix: "Programmes, materials, training and services",
        years: "years",
        active: "Active",
        ended: "Ended",
        derivedByRule: "derived by rule",
        ourRendering: "our translation or summary",
        legendHeading: "Provenance of the data",
        statedTerm: "Stated (no marker)",
        statedDescription: "The factsheet says so, in the passage the programme cites as its source.",
        derivedTerm: "Derived",
        derivedDescription: "Derived by a fixed rule, given here once. The age filter includes derived ages, as "
            + "does ",
        renderedTerm: "Our translation",
        renderedDescription: "A title or summary in our own words or translation; not an official name.",
        skipToContent: "Skip to the content",
        breadcrumb: "Breadcrumb",
        backToCatalogue: "Leerlijn: catalogue",
        links: "Links",
        source: "Source",
        sourcePrefix: "Lanzarote Committee factsheet on the Netherlands, chapter ",
        footnote: "footnote",
        languageNavigation: "Language")
}
