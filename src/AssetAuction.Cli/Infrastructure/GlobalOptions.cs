using System.CommandLine;

namespace AssetAuction.Cli;

/// <summary>Options every command takes (recursive on the root command).</summary>
internal static class GlobalOptions
{
    public const string DefaultServer = "http://localhost:5080";

    public static readonly Option<string?> Server = new("--server", "-s")
    {
        Description = $"The service's address (else $ASSETAUCTION_SERVER, else the config file, else {DefaultServer}).",
        Recursive = true,
    };

    public static readonly Option<string?> Token = new("--token")
    {
        Description = "Bearer token (else $ASSETAUCTION_TOKEN, else the config file).",
        Recursive = true,
    };

    public static readonly Option<string> Output = new("--output", "-o")
    {
        Description = "table (default), json or csv.",
        Recursive = true,
        DefaultValueFactory = _ => "table",
    };

    static GlobalOptions() => Output.AcceptOnlyFromAmong("table", "json", "csv");
}
