using System.CommandLine;
using AssetAuction.Cli.Output;
using AssetAuction.Contracts.V1;

namespace AssetAuction.Cli.Commands;

/// <summary>`asset show NAME` (with its time limits and history), `asset find REFERENCE` (by the previous system's reference) and `asset list` with filters.</summary>
internal static class AssetCommands
{
    public static Command Build(CliHost host)
    {
        var name = CliCommand.Name("The asset, as assets/{id}.");
        var show = CliCommand.Create(host, "show", "Show an asset with its time limits and history.", [name], async context =>
        {
            var response = await new SeizureService.SeizureServiceClient(context.Channel).GetAssetAsync(new GetAssetRequest { Name = context.Value(name) }, cancellationToken: context.Cancellation);
            var asset = response.Asset;
            context.Printer.Print(response, AssetSections.Summary(asset), AssetSections.TimeLimits("Time limits", asset.TimeLimits), AssetSections.History(asset.History));
        });

        var reference = new Argument<string>("reference") { Description = "The asset's reference in the office's previous system (source_reference)." };
        var referenceOffice = CliCommand.Text("--office", "The office the reference belongs to (a supervisor must say; others: their own office).");
        var find = CliCommand.Create(host, "find", "Show the asset with this source system reference.", [reference, referenceOffice], async context =>
        {
            var response = await new SeizureService.SeizureServiceClient(context.Channel).GetAssetAsync(
                new GetAssetRequest { SourceReference = context.Value(reference), Office = context.Value(referenceOffice) ?? "" }, cancellationToken: context.Cancellation);
            var asset = response.Asset;
            context.Printer.Print(response, AssetSections.Summary(asset), AssetSections.TimeLimits("Time limits", asset.TimeLimits), AssetSections.History(asset.History));
        });

        var office = CliCommand.Text("--office", "Only this office's assets (a supervisor's filter; others see their own office).");
        var caseNumber = CliCommand.Text("--case", "Only this enforcement case's assets.");
        var state = CliCommand.Choice<Asset.Types.State>("--state", "Only assets in this state");
        var kind = CliCommand.Choice<Asset.Types.Kind>("--kind", "Only assets of this kind");
        var sourceReference = CliCommand.Text("--source-reference", "Only the asset with this reference in the office's previous system.");
        var recordedLate = new Option<bool>("--recorded-late") { Description = "Only assets with an act keyed in late (after Deadlines:RecordedLateAfterWorkingDays working days)." };
        var paging = new Paging();
        var list = CliCommand.Create(host, "list", "List assets, filtered.", [office, caseNumber, state, kind, sourceReference, recordedLate, .. paging.Symbols], async context =>
        {
            var client = new SeizureService.SeizureServiceClient(context.Channel);
            var response = await paging.ReadAsync(context, (size, token) => client.ListAssetsAsync(new ListAssetsRequest
            {
                PageSize = size,
                PageToken = token,
                Office = context.Value(office) ?? "",
                CaseNumber = context.Value(caseNumber) ?? "",
                State = context.Value(state) is { } s ? ProtoText.ParseEnum<Asset.Types.State>(s) : Asset.Types.State.Unspecified,
                Kind = context.Value(kind) is { } k ? ProtoText.ParseEnum<Asset.Types.Kind>(k) : Asset.Types.Kind.Unspecified,
                SourceReference = context.Value(sourceReference) ?? "",
                RecordedLate = context.Value(recordedLate),
            }, cancellationToken: context.Cancellation).ResponseAsync);
            context.Printer.Print(response, AssetSections.List("Assets", response.Assets));
        });

        return CliCommand.Group("asset", "Seized assets.", show, find, list, ImportCommand.Build(host));
    }
}
