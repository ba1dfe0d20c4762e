namespace AssetAuction.Cli;

/// <summary>Entry point of the `assetauction` tool. Named (no top-level statements): the integration
/// tests reference both this project and the service, whose entry type is the global <c>Program</c>.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => CliApp.RunAsync(args, CliHost.FromProcess());
}
