fn main() -> std::process::ExitCode {
    prensa::cli::main()
}
