using System.CommandLine;
using AssetAuction.Cli.Output;
using AssetAuction.Contracts.V1;

namespace AssetAuction.Cli.Commands;

/// <summary>`deadlines due` (overdue, due soon or open time limits) and `deadlines backlog` (assets stuck at a stage, largest first).</summary>
internal static class DeadlineCommands
{
    public static Command Build(CliHost host)
    {
        var view = CliCommand.Choice<ListDeadlinesRequest.Types.View>("--view", "Which time limits (default overdue)");
        var within = CliCommand.Number("--within", "For due-soon: within this many working days.");
        var office = CliCommand.Text("--office", "The office (supervisors; others see their own).");
        var officer = CliCommand.Text("--officer", "Only this officer's.");
        var asset = CliCommand.Text("--asset", "Only this asset's (assets/{id}).");
        var paging = new Paging();
        var due = CliCommand.Create(host, "due", "List time limits that are overdue, due soon, or open.", [view, within, office, officer, asset, .. paging.Symbols], async context =>
        {
            var client = new DeadlineService.DeadlineServiceClient(context.Channel);
            var chosen = context.Value(view) is { } v ? ProtoText.ParseEnum<ListDeadlinesRequest.Types.View>(v) : ListDeadlinesRequest.Types.View.Overdue;
            var response = await paging.ReadAsync(context, (size, token) => client.ListDeadlinesAsync(new ListDeadlinesRequest
            {
                View = chosen,
                WithinWorkingDays = context.Value(within),
                Office = context.Value(office) ?? "",
                Officer = context.Value(officer) ?? "",
                Asset = context.Value(asset) ?? "",
                PageSize = size,
                PageToken = token,
            }, cancellationToken: context.Cancellation).ResponseAsync);
            context.Printer.Print(response, AssetSections.TimeLimits($"Time limits ({ProtoText.Enum(chosen)})", response.TimeLimits));
        });

        var backlogOffice = CliCommand.Text("--office", "The office (supervisors; others see their own).");
        var stuck = CliCommand.Number("--stuck-for-days", "Only assets at their stage for at least this many days.");
        var backlogPaging = new Paging();
        var backlog = CliCommand.Create(host, "backlog", "List the backlog: assets stuck at a stage, large and old cases first.", [backlogOffice, stuck, .. backlogPaging.Symbols], async context =>
        {
            var client = new DeadlineService.DeadlineServiceClient(context.Channel);
            var response = await backlogPaging.ReadAsync(context, (size, token) => client.ListBacklogAsync(new ListBacklogRequest
            {
                Office = context.Value(backlogOffice) ?? "",
                StuckForDays = context.Value(stuck),
                PageSize = size,
                PageToken = token,
            }, cancellationToken: context.Cancellation).ResponseAsync);
            context.Printer.Print(response, Section.Table("Backlog", response.Items,
                ("asset", i => i.Asset),
                ("state", i => ProtoText.Enum(i.State)),
                ("since", i => ProtoText.Date(i.StateSince)),
                ("days", i => i.DaysAtStage.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("case", i => i.CaseNumber),
                ("officer", i => i.Officer),
                ("starting price", i => i.StartingPrice == 0 ? "" : Printer.Money(i.StartingPrice)),
                ("case owes", i => i.CaseObligations == 0 ? "" : Printer.Money(i.CaseObligations)),
                ("flags", i => string.Join(' ', new[] { i.LargeSum ? "large" : "", i.OlderThanThreeYears ? "over-3-years" : "" }.Where(f => f.Length > 0))),
                ("description", i => i.Description)));
        });

        return CliCommand.Group("deadlines", "Statutory time limits and the backlog.", due, backlog);
    }
}
