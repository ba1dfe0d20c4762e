using System.CommandLine;
using AssetAuction.Cli.Commands;

namespace AssetAuction.Cli;

/// <summary>
/// Builds the command tree and runs one command line. Each group of commands lives in its own file
/// under Commands/ and is listed once here: a new command (the working-year report, an asset import,
/// an audit checkpoint export) is one small file plus one line below.
/// </summary>
internal static class CliApp
{
    public static RootCommand Build(CliHost host)
    {
        var root = new RootCommand("assetauction: the command-line client of the AssetAuction service (civil judgment enforcement: seized assets, auctions, proceeds).");
        root.Options.Add(GlobalOptions.Server);
        root.Options.Add(GlobalOptions.Token);
        root.Options.Add(GlobalOptions.Output);
        root.Subcommands.Add(TokenCommands.Build(host));
        root.Subcommands.Add(SeizureCommands.Build(host));
        root.Subcommands.Add(AssetCommands.Build(host));
        root.Subcommands.Add(DeadlineCommands.Build(host));
        root.Subcommands.Add(RoundCommands.Build(host));
        root.Subcommands.Add(StatementCommands.Build(host));
        root.Subcommands.Add(PlanCommands.Build(host));
        root.Subcommands.Add(AuditCommands.Build(host));
        root.Subcommands.Add(ReportCommands.Build(host));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellation = default)
    {
        var parse = Build(host).Parse(args);
        var invocation = new InvocationConfiguration { Output = host.Out, Error = host.Error, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0)
        {
            // A usage error is exit code 2 (System.CommandLine's own default is 1, which scripts read as "refused").
            foreach (var error in parse.Errors)
            {
                host.Error.WriteLine($"error: {error.Message}");
            }

            host.Error.WriteLine("Run with --help to see the commands and their options.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(invocation, cancellation);
    }
}
