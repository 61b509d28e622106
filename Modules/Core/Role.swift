/// The role IDs of DOMAIN.md's Roles, carried by API tokens.
public enum Role: String, CaseIterable, Codable, Sendable {
    case csAgent = "cs-agent"
    case csManager = "cs-manager"
    case marketCoordinator = "market-coordinator"
    case appointmentStaff = "appointment-staff"
    case serviceAdvisor = "service-advisor"
    case warrantyAdmin = "warranty-admin"
    case serviceManager = "service-manager"
    case partsManager = "parts-manager"
    case technicalDirector = "technical-director"
    case shopForeman = "shop-foreman"
    case technician = "technician"
    case salesConsultant = "sales-consultant"
    case generalManager = "general-manager"
    case admin = "admin"
    /// The reception's screen (issue 18): its token opens the welcome board and nothing else.
    case board = "board"

    /// The role as people read it (服务顾问 in Chinese).
    public var spoken: Phrase {
        switch self {
        case .csAgent: "cs-agent"
        case .csManager: "cs-manager"
        case .marketCoordinator: "market-coordinator"
        case .appointmentStaff: "appointment-staff"
        case .serviceAdvisor: "service-advisor"
        case .warrantyAdmin: "warranty-admin"
        case .serviceManager: "service-manager"
        case .partsManager: "parts-manager"
        case .technicalDirector: "technical-director"
        case .shopForeman: "shop-foreman"
        case .technician: "technician"
        case .salesConsultant: "sales-consultant"
        case .generalManager: "general-manager"
        case .admin: "admin"
        case .board: Phrase("board", context: "role")
        }
    }
}

/// What a role may do. Each API route names one permission; `Role.may` is the single table.
public enum Permission: String, CaseIterable, Sendable {
    /// Read customer cards, vehicles, contacts, tasks.
    case readCustomers = "customers.read"
    /// Create and edit customer cards, vehicles, mileage readings.
    case writeCustomers = "customers.write"
    /// Move a customer between classes (C-5).
    case moveCustomers = "customers.move"
    /// Log contacts (C-8).
    case logContacts = "contacts.write"
    /// Complete care-plan tasks (C-7).
    case completeTasks = "tasks.write"
    /// See the C-10 check lists and reassign customers of staff who left.
    case manageChecks = "checks.manage"
    /// Read the audit log.
    case readAudit = "audit.read"
    /// Record warranty facts on a vehicle: exclusions, fitted parts, maintenance visits, completed recalls.
    case recordWarrantyFacts = "warranty.facts"
    /// Add bulletins by hand and set warranty terms.
    case manageBulletins = "bulletins.manage"
    /// Create claims and move them along W-7 (a cs-agent may not).
    case actOnClaims = "claims.act"
    /// Read complaint files, the overdue list and the complaint report.
    case readComplaints = "complaints.read"
    /// Register complaints and work on them: contacts, routing, advisor reports, solutions, follow-ups, evidence,
    /// crisis flag (K-1 to K-11).
    case handleComplaints = "complaints.handle"
    /// Give a complaint to another owner (K-3).
    case assignComplaints = "complaints.assign"
    /// Escalate a complaint up the ladder, by hand or by the clock (K-7).
    case escalateComplaints = "complaints.escalate"
    /// Record the customer's verdict and close, reopen, or close as invalid (K-9, K-10).
    case closeComplaints = "complaints.close"
    /// Explain and close a complaint as invalid (K-9: the customer-service manager).
    case invalidateComplaints = "complaints.invalidate"
    /// Root cause and preventive action (K-12).
    case analyseComplaints = "complaints.analyse"
    /// Segments, campaigns, runs, delivery, reminders, revenue (M-1 to M-5).
    case manageCampaigns = "campaigns.manage"
    /// Read the parts stock: counts on hand, movements, shortages.
    case readStock = "stock.read"
    /// Receive, issue, return and adjust parts stock, and record shortages (the parts manager's).
    case manageStock = "stock.manage"
    /// Read repair orders, today's list and the at-risk list.
    case readWorkOrders = "workorders.read"
    /// Open repair orders, add jobs and lines, quote, record the customer's approval, settle and deliver (A-6, Q-1 to
    /// the service advisor's work.
    case writeWorkOrders = "workorders.write"
    /// Dispatch approved jobs to technicians (the shop foreman).
    case dispatchWorkOrders = "workorders.dispatch"
    /// Clock on and off jobs and record findings (technicians; never approve or price).
    case workOnWorkOrders = "workorders.work"
    /// Record the quality check and test drive.
    case checkWorkOrders = "workorders.check"
    /// Read the service manager's work-order report (issue 17: orders, hours, rates, comebacks, revenue).
    case reportWorkOrders = "workorders.report"
    /// Read the follow-up tasks of delivered orders.
    case readFollowUps = "followups.read"
    /// Record follow-up calls and the customer's answer: customer service, the service manager.
    case writeFollowUps = "followups.write"
    /// Read appointments, offers and the day-before lists (issue 18, A-1 to A-4).
    case readAppointments = "appointments.read"
    /// Book, reschedule, cancel appointments and record no-shows and check-ins.
    case bookAppointments = "appointments.write"
    /// Set the workshop's capacity: bays, technicians, shifts, leave, advisors.
    case manageCapacity = "capacity.manage"
    /// Open the welcome board (`GET /board`, issue 18): every staff role, and the board's own token.
    case viewBoard = "board.view"
    /// Change settings, the calendar, the maintenance schedule, staff and tokens.
    case administer = "admin"

    /// The roles that hold this permission, for documentation and `--help`.
    public var roles: [Role] { Role.allCases.filter { $0.may(self) } }
}

extension Role {
    static let frontDesk: Set<Role> = [
        .csAgent, .csManager, .marketCoordinator, .appointmentStaff, .serviceAdvisor,
        .salesConsultant, .serviceManager, .generalManager, .admin,
    ]

    /// Whether this role holds `permission` ([design], from the Roles section of DOMAIN.md).
    public func may(_ permission: Permission) -> Bool {
        // The board's token reads the welcome board only, never a /v1 route (issue 18).
        if self == .board { return permission == .viewBoard }
        switch permission {
        case .readCustomers:
            return true
        case .writeCustomers, .logContacts, .completeTasks:
            return Role.frontDesk.contains(self)
        case .moveCustomers:
            return [
                .csAgent, .csManager, .marketCoordinator, .salesConsultant, .serviceManager, .generalManager, .admin,
            ].contains(self)
        case .manageChecks:
            return [.csManager, .marketCoordinator, .serviceManager, .generalManager, .admin].contains(self)
        case .readAudit:
            return [.csManager, .serviceManager, .generalManager, .admin].contains(self)
        case .recordWarrantyFacts:
            return [.serviceAdvisor, .warrantyAdmin, .serviceManager, .technicalDirector, .shopForeman, .admin]
                .contains(self)
        case .manageBulletins, .actOnClaims:
            return [.warrantyAdmin, .serviceManager, .admin].contains(self)
        case .readComplaints:
            return true
        case .handleComplaints:
            return [
                .csAgent, .csManager, .marketCoordinator, .serviceAdvisor, .serviceManager, .partsManager,
                .technicalDirector,
                .shopForeman, .generalManager, .admin,
            ].contains(self)
        case .assignComplaints:
            return [.csManager, .serviceManager, .generalManager, .admin].contains(self)
        case .escalateComplaints:
            return [.csAgent, .csManager, .serviceManager, .generalManager, .admin].contains(self)
        case .closeComplaints:
            return [.csAgent, .csManager, .serviceManager, .generalManager, .admin].contains(self)
        case .manageCampaigns:
            return [.csManager, .marketCoordinator, .generalManager, .admin].contains(self)
        case .invalidateComplaints:
            return [.csManager, .admin].contains(self)
        case .analyseComplaints:
            return [.marketCoordinator, .csManager, .admin].contains(self)
        case .readStock:
            return [.partsManager, .serviceManager, .serviceAdvisor, .shopForeman, .admin].contains(self)
        case .manageStock:
            return [.partsManager, .serviceManager, .admin].contains(self)
        case .readWorkOrders:
            return true
        case .writeWorkOrders:
            return [.serviceAdvisor, .serviceManager, .admin].contains(self)
        case .dispatchWorkOrders:
            return [.shopForeman, .serviceManager, .admin].contains(self)
        case .workOnWorkOrders:
            return [.technician, .shopForeman, .serviceManager, .admin].contains(self)
        case .checkWorkOrders:
            return [.shopForeman, .technicalDirector, .serviceManager, .admin].contains(self)
        case .reportWorkOrders:
            return [.serviceManager, .generalManager, .admin].contains(self)
        case .readFollowUps:
            return [.csAgent, .csManager, .marketCoordinator, .serviceManager, .generalManager, .admin].contains(self)
        case .writeFollowUps:
            return [.csAgent, .csManager, .marketCoordinator, .serviceManager, .admin].contains(self)
        case .readAppointments:
            return true
        case .bookAppointments:
            return [
                .csAgent, .csManager, .marketCoordinator, .appointmentStaff, .serviceAdvisor, .serviceManager, .admin,
            ].contains(self)
        case .manageCapacity:
            return [.serviceManager, .shopForeman, .admin].contains(self)
        case .viewBoard:
            return true
        case .administer:
            return self == .admin
        }
    }
}
