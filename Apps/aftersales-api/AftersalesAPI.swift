import APIServer

/// `aftersales-api`: a thin shell over `APIServerCommand`.
@main
struct AftersalesAPI {
    static func main() async {
        await APIServerCommand.main()
    }
}
