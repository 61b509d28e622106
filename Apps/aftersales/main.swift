import AdminCommands

AftersalesCommand.main()
