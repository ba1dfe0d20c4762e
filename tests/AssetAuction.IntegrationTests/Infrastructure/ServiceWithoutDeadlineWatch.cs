namespace AssetAuction.IntegrationTests.Infrastructure;

/// <summary>
/// The service without its deadline watch, for tests about reads and views: the watch's start-up sweep could add a
/// reminder to a time limit (and remake the asset's view) between a step and the read that is compared with the
/// step's response, or just after a test marked a view (seen on loaded machines and when a class ran alone).
/// </summary>
public sealed class ServiceWithoutDeadlineWatch() : ServiceFactory(
    Path.Combine(Path.GetTempPath(), "assetauction-tests", $"{Guid.NewGuid():N}.db"),
    settings: new Dictionary<string, string> { ["Deadlines:Enabled"] = "false" });
