using AssetAuction.Service.Audit;
using AssetAuction.Service.Data;
using AssetAuction.Service.Security;

namespace AssetAuction.Service.Operations;

/// <summary>
/// Command-line verbs of the service binary, for operators:
/// `migrate` (apply migrations and exit), `verify-audit [--checkpoint FILE]` (check the hash chain, and that it
/// still holds a signed checkpoint; exit 1 if not), `export-checkpoint [--out FILE]` (sign the chain's head),
/// `mint-token --role R [--office O] [--org G] [--subject S] [--hours H]` (development token),
/// `report (--office O | --province P | --country) --year Y --months M [--format csv|xlsx] [--frozen] --out FILE` (working-year statistics),
/// `rebuild-statistics` (write every asset's statistics fact; once after upgrading a database with existing assets),
/// `rebuild-views` (write every asset's read view; once after upgrading, else reads of older assets load them until they change).
/// </summary>
internal static class Commands
{
    private const double MaxTokenHours = 24 * 30;

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "migrate" or "verify-audit" or "export-checkpoint" or "mint-token" or "report" or "rebuild-statistics" or "rebuild-views";

    /// <summary>Commands that only touch the database do not need the token settings (a migration Job has no business with the signing key).</summary>
    public static bool NeedsAuthSettings(string[] args) => !(args.Length > 0 && args[0] is "migrate" or "verify-audit" or "export-checkpoint" or "report" or "rebuild-statistics" or "rebuild-views");

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        try
        {
            return await RunVerbAsync(app, args);
        }
        catch (InvalidOperationException e)
        {
            // A setting the verb needs is wrong (a checkpoint key that does not load): say which, exit 1.
            Console.Error.WriteLine($"{args[0]} failed: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> RunVerbAsync(WebApplication app, string[] args)
    {
        switch (args[0])
        {
            case "migrate":
                await DatabaseMigrator.MigrateAsync(app.Services);
                Console.WriteLine("Migrations applied.");
                return 0;
            case "verify-audit":
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var result = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync(CancellationToken.None);
                    Console.WriteLine(result.Intact ? $"Audit chain intact: {result.EntriesChecked} entries." : $"Audit chain BROKEN: {result.Problem}");
                    if (!result.Intact || Option(args, "checkpoint") is not { } file)
                    {
                        return result.Intact ? 0 : 1;
                    }

                    var problem = await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().CheckAsync(await File.ReadAllTextAsync(file), CancellationToken.None);
                    Console.WriteLine(problem is null ? $"Checkpoint {file} verified: the chain still holds it." : $"Audit checkpoint FAILED ({file}): {problem}.");
                    return problem is null ? 0 : 1;
                }

            case "export-checkpoint":
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    try
                    {
                        var checkpoint = await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().ExportAsync(CancellationToken.None);
                        if (Option(args, "out") is { } file)
                        {
                            await File.WriteAllTextAsync(file, checkpoint.Document);
                            Console.WriteLine($"Checkpoint of entry {checkpoint.Sequence} written to {file}.");
                        }
                        else
                        {
                            Console.WriteLine(checkpoint.Document);
                        }

                        return 0;
                    }
                    catch (Domain.Common.DomainException e)
                    {
                        Console.Error.WriteLine($"No checkpoint: {e.Message}");
                        return 1;
                    }
                }

            case "report":
                return await Statistics.ReportCommand.RunAsync(app.Services, args);
            case "rebuild-statistics":
                return await Statistics.RebuildFactsCommand.RunAsync(app.Services);
            case "rebuild-views":
                return await Assets.RebuildViewsCommand.RunAsync(app.Services);
            default:
                return MintToken(app, args);
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int MintToken(WebApplication app, string[] args)
    {
        string Option(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        var role = Option("role", "");
        if (!Roles.All.Contains(role))
        {
            Console.Error.WriteLine($"--role must be one of: {string.Join(", ", Roles.All)}");
            return 2;
        }

        // Development only: in production tokens come from the identity provider, and a shell on a pod
        // must not be able to mint itself a supervisor's token.
        var auth = app.Services.GetRequiredService<AuthOptions>();
        if (!app.Environment.IsDevelopment() || !auth.IsDevelopmentKey)
        {
            Console.Error.WriteLine("mint-token works only in Development with the development signing key.");
            return 2;
        }

        if (!double.TryParse(Option("hours", "8"), System.Globalization.CultureInfo.InvariantCulture, out var hours) || hours is <= 0 or > MaxTokenHours)
        {
            Console.Error.WriteLine($"--hours must be a number from 0 to {MaxTokenHours}.");
            return 2;
        }

        var clock = app.Services.GetRequiredService<TimeProvider>();
        Console.WriteLine(TokenMinter.Mint(auth, Option("subject", $"dev-{role}"), role, Option("office", ""), Option("org", ""), clock.GetUtcNow(), TimeSpan.FromHours(hours)));
        return 0;
    }
}
