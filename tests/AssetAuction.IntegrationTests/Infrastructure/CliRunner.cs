using AssetAuction.Cli;

namespace AssetAuction.IntegrationTests.Infrastructure;

/// <summary>What one run of the CLI printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public string[] Lines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Asserts exit code 0, showing what the CLI printed on stderr when it is not.</summary>
    public CliRun Ok()
    {
        Assert.True(ExitCode == 0, $"exit code {ExitCode}: {Error}");
        return this;
    }
}

/// <summary>
/// Runs the `assetauction` CLI in this process, as a person would type it, against the real host in
/// memory: its gRPC channel goes through the test server's handler instead of a socket.
/// </summary>
public static class CliRunner
{
    public static Task<CliRun> RunAsync(ServiceFactory service, params string[] args) => RunAsync(service, new Dictionary<string, string>(), args);

    public static async Task<CliRun> RunAsync(ServiceFactory? service, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var host = new CliHost
        {
            Out = output,
            Error = error,
            Environment = name => environment.TryGetValue(name, out var value) ? value : null,
            Clock = service?.Clock ?? TimeProvider.System,
            Handler = service is null ? null : () => service.Server.CreateHandler(),
        };
        var code = await CliApp.RunAsync(args, host);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>A token minted by the CLI itself, with the test host's key.</summary>
    public static async Task<string> MintAsync(ServiceFactory service, string role, string office = "", string organization = "", string? subject = null)
    {
        var args = new List<string> { "token", "mint", "--role", role, "--signing-key", ServiceFactory.TestSigningKey, "--issuer", ServiceFactory.Issuer, "--audience", ServiceFactory.Audience };
        if (office.Length > 0)
        {
            args.AddRange(["--office", office]);
        }

        if (organization.Length > 0)
        {
            args.AddRange(["--org", organization]);
        }

        if (subject is not null)
        {
            args.AddRange(["--subject", subject]);
        }

        var run = await RunAsync(service, [.. args]);
        Assert.Equal(0, run.ExitCode);
        return run.Out.Trim();
    }

    /// <summary>A file of the repository (samples/...), found from the test's output folder upwards.</summary>
    public static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }
}
