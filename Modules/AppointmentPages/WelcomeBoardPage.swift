import Appointments
import Core
import Foundation
import WorkOrderPages

/// The welcome board (预约欢迎看板, issue 18) as one self-contained HTML page for the reception's screen: inline CSS
/// and script, nothing loaded from elsewhere (its content security policy forbids it), every piece of data escaped,
/// Chinese first with the English kept, large type in high contrast so it reads from across the room.
///
/// It refreshes itself: served over HTTP, an inline script fetches the same address every `pollSeconds` seconds and
/// swaps in the new rows (no reload, no flicker; when the server does not answer it keeps the last rows and says
/// so); with scripts off, a `<meta http-equiv="refresh">` in `<noscript>` reloads the page every
/// `reloadSeconds` seconds. A page written to a file (`aftersales board --out`) does not poll.
public enum WelcomeBoardPage {
    public static let pollSeconds = 20
    public static let reloadSeconds = 60

    static let chinese = Speech(.zh, dateStyle: .long)
    static let english = Speech(.en, dateStyle: .iso)

    /// The page of `board`, headed by the dealer's name.
    public static func html(_ board: BoardDay, dealer: String) -> String {
        let title: Phrase = "Welcome board"
        return """
            <!doctype html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; \
            script-src 'unsafe-inline'; connect-src 'self'">
            <meta name="referrer" content="no-referrer">
            <noscript><meta http-equiv="refresh" content="\(reloadSeconds)"></noscript>
            <title>\(HTML.escape(title.rendered(chinese))) · \(HTML.escape(title.rendered(english)))</title>
            <style>\(style)</style>
            </head>
            <body>
            \(head(board, dealer: dealer))
            \(main(board))
            \(foot(board))
            <div id="offline" class="offline" hidden>\(both(
                "The board cannot reach the server; it shows the last state it read."))</div>
            <script>\(script)</script>
            </body>
            </html>

            """
    }

    static func both(_ phrase: Phrase) -> String { HTML.both(phrase, chinese: chinese, english: english) }

    static func head(_ board: BoardDay, dealer: String) -> String {
        let day = HTML.escape(Phrase("\(board.day)").rendered(chinese))
        let isoDay = HTML.escape(Phrase("\(board.day)").rendered(english))
        return "<header id=\"board-head\"><div class=\"dealer\">\(HTML.escape(dealer))</div>"
            + "<h1>\(both("Welcome"))</h1>"
            + "<div class=\"day\">\(day) <span class=\"en\" lang=\"en\">\(isoDay)</span></div></header>"
    }

    static func main(_ board: BoardDay) -> String {
        guard !board.rows.isEmpty else {
            return "<main id=\"board\"><p class=\"empty\">\(both("No booked arrivals on this day."))</p></main>"
        }
        let headings: [Phrase] = ["Booked for", "Customer", "Plate", "Service advisor", "Status"]
        let rows = board.rows.map { row in
            let time = HTML.escape(time(row.arrival, in: board.timeZone))
            return "<tr class=\"visit\" data-status=\"\(row.status.rawValue)\">"
                + "<td class=\"time\">\(time)</td><td class=\"guest\">\(both(row.guest))</td>"
                + "<td class=\"plate\">\(both(row.plate))</td>"
                + "<td class=\"advisor\">\(HTML.escape(row.advisor ?? "—"))</td>"
                + "<td class=\"status \(row.status.rawValue)\">\(both(row.status.spoken))</td></tr>"
        }
        return "<main id=\"board\"><table><thead><tr>"
            + headings.map { "<th>\(both($0))</th>" }.joined()
            + "</tr></thead><tbody>\n" + rows.joined(separator: "\n") + "\n</tbody></table></main>"
    }

    static func foot(_ board: BoardDay) -> String {
        "<footer id=\"board-foot\">\(both("Updated")) <time class=\"updated\">"
            + HTML.escape(time(board.updatedAt, in: board.timeZone)) + "</time></footer>"
    }

    /// An instant's time of day in the dealer's zone (T-2): `09:30`.
    static func time(_ date: Date, in zone: TimeZone) -> String {
        String(Instant.localString(date, in: zone).suffix(5))
    }

    /// Swaps in the header, rows and footer of the same address every `pollSeconds` seconds, over HTTP only.
    static let script = """
        (function () {
          if (!/^https?:$/.test(location.protocol)) return;
          var offline = document.getElementById("offline");
          setInterval(function () {
            fetch(location.href, { cache: "no-store", credentials: "same-origin" })
              .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.text(); })
              .then(function (text) {
                var next = new DOMParser().parseFromString(text, "text/html");
                ["board-head", "board", "board-foot"].forEach(function (id) {
                  var mine = document.getElementById(id), theirs = next.getElementById(id);
                  if (mine && theirs) mine.replaceWith(document.importNode(theirs, true));
                });
                offline.hidden = true;
              })
              .catch(function () { offline.hidden = false; });
          }, \(pollSeconds * 1_000));
        })();
        """

    /// Large type in high contrast for a screen across the room: the time and the guest biggest.
    static let style = """
        html { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", \
        "PingFang SC", sans-serif; background: #0a1628; color: #fff; font-size: clamp(14px, 1.7vw, 40px); }
        body { margin: 0; padding: 2vh 3vw; }
        header { display: flex; align-items: baseline; gap: 2vw; border-bottom: 0.3vh solid #4a6a8a; \
        padding-bottom: 1vh; }
        .dealer { font-size: 1.2rem; color: #dfe8f1; }
        h1 { font-size: 2.4rem; margin: 0; flex: 1; }
        .day { font-size: 1.3rem; }
        .en { font-weight: normal; font-size: 0.55em; color: #c9d6e3; }
        table { width: 100%; border-collapse: collapse; margin-top: 1.5vh; }
        th { text-align: left; font-size: 1rem; color: #dfe8f1; padding: 0.6vh 1vw; \
        border-bottom: 0.2vh solid #4a6a8a; }
        th .en { display: block; }
        td { padding: 0.8vh 1vw; border-bottom: 0.15vh solid #2b4360; vertical-align: baseline; }
        td .en { margin-left: 0.4em; }
        .time { font-size: 2.2rem; font-weight: bold; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .guest { font-size: 2.2rem; font-weight: bold; white-space: nowrap; }
        .plate { font-size: 1.6rem; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .advisor { font-size: 1.5rem; }
        .status { font-size: 1.6rem; font-weight: bold; }
        .status.expected { color: #ffffff; }
        .status.arrived { color: #7fd8ff; }
        .status.in-workshop { color: #ffc94d; }
        .status.quality-check { color: #e2b6ff; }
        .status.ready { color: #7dff9a; }
        .empty { font-size: 2.4rem; text-align: center; margin-top: 20vh; }
        footer { margin-top: 2vh; font-size: 1rem; color: #dfe8f1; }
        .offline { position: fixed; bottom: 0; left: 0; right: 0; background: #ffc94d; color: #000; \
        font-size: 1.2rem; padding: 1vh 3vw; }
        .offline .en { color: #000; }
        [hidden] { display: none; }
        """
}
