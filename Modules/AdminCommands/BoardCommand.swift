import AppointmentPages
import ArgumentParser
import Core
import Foundation
import Messaging
import Storage

// `aftersales board`: the welcome board (预约欢迎看板, issue 18) of a day as the HTML page `GET /board` serves,
// rendered by `AppointmentPages`, for a file or a quick look without the API.

struct BoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board",
        abstract: say(
            "Write the welcome board of a day's booked arrivals as an HTML page: surnames, masked plates, advisors, "
                + "the status of each car."),
        discussion: Help.text(
            "aftersales board --out 欢迎看板.html", permission: .viewBoard,
            more:
                "The page is the one the API serves at /board for the reception's screen (set it up with "
                + "`aftersales token create --role board --name 前台看板` and open /board?token=… on the screen). "
                + "It shows the surname and title only and the plate partly masked. Without --day the board is "
                + "today's; without --out the page goes to standard output."))

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(say("The day of the board, YYYY-MM-DD (default today).")), transform: Typed.day)
    var day: LocalDate?
    @Option(help: ArgumentHelp(say("Write the page to this file (replaced whole) instead of standard output.")))
    var out: String?

    func run() throws {
        let db = try global.open()
        let board = try db.welcomeBoard(day: day)
        let page = WelcomeBoardPage.html(board, dealer: try db.settings().text(.dealerName))
        guard try writePage(page, to: out), let out else { return }
        global.output.note(
            "wrote the welcome board of \(board.day) to \(out): " + "\(grouped: board.rows.count) on the board")
    }
}
