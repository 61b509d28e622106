import Foundation
import FuzzTargets

// Built two ways. `make fuzz` builds it with `-sanitize=fuzzer,address -D LIBFUZZER`: then
// `aftersales-fuzz TARGET [libFuzzer's arguments]` hands the rest of its arguments to libFuzzer's driver
// (`LLVMFuzzerRunDriver`), which feeds inputs to the target's checks. The ordinary build makes a replayer:
// `aftersales-fuzz TARGET FILE-OR-DIRECTORY...` runs each input once through the same checks.

#if LIBFUZZER
/// The target this process fuzzes, set once before libFuzzer starts.
nonisolated(unsafe) var target = FuzzTarget.csv

typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: FuzzCallback
) -> CInt

/// The executable's entry point: SwiftPM links `main` to `<module>_main` (libFuzzer's own `main` is not used).
@_cdecl("aftersales_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
    guard argc >= 2, let chosen = argv[1].flatMap({ FuzzTarget(rawValue: String(cString: $0)) }) else {
        let usage = "usage: aftersales-fuzz \(names) [CORPUS...] [-libfuzzer_flag=value...]\n"
        FileHandle.standardError.write(Data(usage.utf8))
        return 64
    }
    target = chosen
    atexit { ScratchFile.removeAll() }
    // libFuzzer reads its arguments from argv[1]: drop the target's name, keeping the program's.
    argv[1] = argv[0]
    var count = argc - 1
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv + 1
    return runDriver(&count, &arguments, testOneInput)
}

/// One input through the target's checks; what libFuzzer calls (also by this name, which its archive expects).
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        try target.run(input)
    } catch {
        // libFuzzer keeps the input as a crash-… file when the process aborts.
        FileHandle.standardError.write(Data("\(target.rawValue): \(error)\n".utf8))
        abort()
    }
    return 0
}
#else
@main
struct FuzzReplay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            print("usage: aftersales-fuzz \(names) FILE-OR-DIRECTORY...  (replays inputs through the fuzz checks)")
            exit(64)
        }
        let inputs = FuzzInputs.files(arguments.dropFirst())
        var failed = 0
        for path in inputs {
            do {
                try target.run(FuzzInputs.bytes(path))
            } catch {
                failed += 1
                print("\(path): \(error)")
            }
        }
        ScratchFile.removeAll()
        print("\(target.rawValue): \(inputs.count) inputs, \(failed) failed")
        exit(failed == 0 ? 0 : 1)
    }
}
#endif
