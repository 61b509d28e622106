import Core

// The codes of the complaint area as people read them (issue 16): a table cell or a sentence says `spoken`, JSON and
// the command line keep the raw value. Each is keyed with its context (`Phrase(_:context:)`), since the same English
// word names other things elsewhere (`received` the column, `closed` a day's opening hours).

extension ComplaintState {
    public var spoken: Phrase {
        switch self {
        case .received: return Phrase("received", context: "complaint state")
        case .contacted: return Phrase("contacted", context: "complaint state")
        case .investigating: return Phrase("investigating", context: "complaint state")
        case .resolved: return Phrase("resolved", context: "complaint state")
        case .closed: return Phrase("closed", context: "complaint state")
        case .invalid: return Phrase("invalid", context: "complaint state")
        }
    }

    /// "a received complaint", for sentences.
    public var aComplaint: Phrase {
        switch self {
        case .received: return "a received complaint"
        case .contacted: return "a contacted complaint"
        case .investigating: return "an investigating complaint"
        case .resolved: return "a resolved complaint"
        case .closed: return "a closed complaint"
        case .invalid: return "an invalid complaint"
        }
    }
}

extension ComplaintAction {
    /// The action as the command a person types (`aftersales complaints close`): the same word in every language,
    /// shown as a command in Chinese sentences.
    public var command: Phrase { Phrase(rawValue, context: "complaint command") }
}

extension ComplaintChannel {
    public var spoken: Phrase {
        switch self {
        case .inPerson: return Phrase("in-person", context: "complaint channel")
        case .phone: return Phrase("phone", context: "complaint channel")
        case .letter: return Phrase("letter", context: "complaint channel")
        case .email: return Phrase("email", context: "complaint channel")
        case .online: return Phrase("online", context: "complaint channel")
        case .authority: return Phrase("authority", context: "complaint channel")
        }
    }
}

extension ComplaintKind {
    public var spoken: Phrase {
        switch self {
        case .complaint: return Phrase("complaint", context: "complaint kind")
        case .grievance: return Phrase("grievance", context: "complaint kind")
        }
    }
}

extension ComplaintCategory {
    public var spoken: Phrase {
        switch self {
        case .serviceQuality: return Phrase("service-quality", context: "complaint category")
        case .repairTechnique: return Phrase("repair-technique", context: "complaint category")
        case .partsQuality: return Phrase("parts-quality", context: "complaint category")
        case .partsShortage: return Phrase("parts-shortage", context: "complaint category")
        case .productQuality: return Phrase("product-quality", context: "complaint category")
        case .warrantyClaim: return Phrase("warranty-claim", context: "complaint category")
        case .technicalProblem: return Phrase("technical-problem", context: "complaint category")
        case .price: return Phrase("price", context: "complaint category")
        case .delay: return Phrase("delay", context: "complaint category")
        case .reception: return Phrase("reception", context: "complaint category")
        case .reAppointment: return Phrase("re-appointment", context: "complaint category")
        case .other: return Phrase("other", context: "complaint category")
        }
    }
}

extension ComplaintCause {
    public var spoken: Phrase {
        switch self {
        case .defect: return Phrase("defect", context: "complaint cause")
        case .dissatisfaction: return Phrase("dissatisfaction", context: "complaint cause")
        case .customerFault: return Phrase("customer-fault", context: "complaint cause")
        case .fromSale: return Phrase("from-sale", context: "complaint cause")
        }
    }
}

extension CustomerWish {
    public var spoken: Phrase {
        switch self {
        case .vent: return Phrase("vent", context: "customer wish")
        case .compensation: return Phrase("compensation", context: "customer wish")
        case .respect: return Phrase("respect", context: "customer wish")
        case .betterService: return Phrase("better-service", context: "customer wish")
        case .rights: return Phrase("rights", context: "customer wish")
        case .explanation: return Phrase("explanation-apology", context: "customer wish")
        case .prevention: return Phrase("prevention", context: "customer wish")
        }
    }
}

extension Satisfaction {
    /// The level's name in English (`fairly-satisfied`), the dealer's form's label (比较满意) in Chinese.
    public var spoken: Phrase {
        switch self {
        case .verySatisfied: return Phrase("very-satisfied", context: "satisfaction")
        case .satisfied: return Phrase("satisfied", context: "satisfaction")
        case .fairlySatisfied: return Phrase("fairly-satisfied", context: "satisfaction")
        case .neutral: return Phrase("neutral", context: "satisfaction")
        case .somewhatDissatisfied: return Phrase("somewhat-dissatisfied", context: "satisfaction")
        case .dissatisfied: return Phrase("dissatisfied", context: "satisfaction")
        case .veryDissatisfied: return Phrase("very-dissatisfied", context: "satisfaction")
        }
    }
}

extension ServiceDimension {
    public var spoken: Phrase {
        switch self {
        case .reliability: return Phrase("reliability", context: "service dimension")
        case .assurance: return Phrase("assurance", context: "service dimension")
        case .tangibles: return Phrase("tangibles", context: "service dimension")
        case .empathy: return Phrase("empathy", context: "service dimension")
        case .responsiveness: return Phrase("responsiveness", context: "service dimension")
        }
    }
}

extension EscalationLevel {
    public var spoken: Phrase {
        switch self {
        case .handler: return Phrase("handler", context: "escalation level")
        case .serviceManager: return Phrase("service-manager", context: "escalation level")
        case .generalManager: return Phrase("general-manager", context: "escalation level")
        case .regionalOffice: return Phrase("regional-office", context: "escalation level")
        }
    }
}

extension ComplaintPriority {
    /// A priority level's name (1 normal … 4 crisis) as people read it.
    public static func spoken(level: Int) -> Phrase {
        switch max(1, min(4, level)) {
        case 1: return Phrase("normal", context: "priority")
        case 2: return Phrase("high", context: "priority")
        case 3: return Phrase("urgent", context: "priority")
        default: return Phrase("crisis", context: "priority")
        }
    }

    public var spoken: Phrase { Self.spoken(level: level) }
}

extension Deadline.Kind {
    public var spoken: Phrase {
        switch self {
        case .firstContact: return Phrase("first-contact", context: "complaint clock")
        case .report: return Phrase("report", context: "complaint clock")
        case .followUp: return Phrase("follow-up", context: "complaint clock")
        }
    }
}

extension DeadlineStatus {
    /// `missed by 2 h 05 min`, `due in 25 min`.
    public var spoken: Phrase {
        state == .missed
            ? "missed by \(Elapsed.phrase(seconds: lateBySeconds))"
            : "due in \(Elapsed.phrase(seconds: -lateBySeconds))"
    }
}

extension Role {
    /// A K-5 department (or any role) in a complaint's sentences.
    var spokenDepartment: Phrase { Phrase(key: rawValue) }
}
