/// The kind of organisation a profile describes.
///
/// The kind supplies the default education level of learner groups (a primary school's groups
/// are `primary`, a childcare centre's `early-childhood`); it does not change which
/// obligations apply — the sector, roles and learner groups decide that.
public enum ProfileKind: String, Sendable, Hashable, CaseIterable {
    case primarySchool = "primary-school"
    case secondarySchool = "secondary-school"
    case specialEducationSchool = "special-education-school"
    case childcareCentre = "childcare-centre"
    case sportsClub = "sports-club"
    case hospital = "hospital"
    case youthCare = "youth-care"
    case prosecutionOffice = "prosecution-office"
    case policeUnit = "police-unit"
    case helpline = "helpline"
    case other = "other"

    /// The education level learner groups get when the profile states none.
    public var defaultEducationLevel: EducationLevel? {
        switch self {
        case .primarySchool: return EducationLevel("primary")
        case .secondarySchool: return EducationLevel("secondary")
        case .specialEducationSchool: return EducationLevel("special-education")
        case .childcareCentre: return EducationLevel("early-childhood")
        default: return nil
        }
    }
}
