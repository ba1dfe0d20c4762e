namespace AssetAuction.Cli;

/// <summary>
/// What the CLI takes from its surroundings: where it writes, the environment, the clock, and how it
/// reaches the service. The process uses the real ones; the tests give a writer to read, and the
/// in-memory server's handler instead of a socket.
/// </summary>
internal sealed class CliHost
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    /// <summary>Looks up an environment variable (null when unset).</summary>
    public required Func<string, string?> Environment { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Makes the HTTP handler under a gRPC channel (one per command run); null opens real connections.</summary>
    public Func<HttpMessageHandler>? Handler { get; init; }

    /// <summary>Whether Out is a terminal (colours, and tables as wide as the window).</summary>
    public bool Interactive { get; init; }

    public static CliHost FromProcess() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        Environment = System.Environment.GetEnvironmentVariable,
        Interactive = !Console.IsOutputRedirected,
    };
}
