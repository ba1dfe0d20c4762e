using System.CommandLine;
using AssetAuction.Cli.Output;
using AssetAuction.Contracts.V1;
using Grpc.Core;

namespace AssetAuction.Cli.Commands;

/// <summary>`rounds list` (an auction organization's rounds) and `rounds follow` (its rounds live, as they change).</summary>
internal static class RoundCommands
{
    public static Command Build(CliHost host)
    {
        var organization = CliCommand.Text("--organization", "The organization (auctionOrganizations/{id}); an organization's own token may omit it.");
        var upcoming = new Option<bool>("--upcoming") { Description = "Only rounds not yet held." };
        var paging = new Paging();
        var list = CliCommand.Create(host, "list", "List an auction organization's rounds.", [organization, upcoming, .. paging.Symbols], async context =>
        {
            var client = new AuctionOrganizationService.AuctionOrganizationServiceClient(context.Channel);
            var response = await paging.ReadAsync(context, (size, token) => client.ListAuctionRoundsAsync(new ListAuctionRoundsRequest
            {
                Organization = context.Value(organization) ?? "",
                UpcomingOnly = context.Value(upcoming),
                PageSize = size,
                PageToken = token,
            }, cancellationToken: context.Cancellation).ResponseAsync);
            context.Printer.Print(response, Rounds("Auction rounds", response.Rounds));
        });

        var after = new Option<long>("--after") { Description = "Start after this event sequence (0: from the beginning)." };
        var max = CliCommand.Number("--max-events", "Stop after this many events (0: follow until interrupted).");
        var follow = CliCommand.Create(host, "follow", "Follow the caller's auction rounds live: one line per change, until interrupted.", [after, max], async context =>
        {
            var client = new AuctionOrganizationService.AuctionOrganizationServiceClient(context.Channel);
            using var call = client.StreamAuctionRounds(new StreamAuctionRoundsRequest { AfterSequence = context.Value(after) }, cancellationToken: context.Cancellation);
            var seen = 0;
            var limit = context.Value(max);
            try
            {
                await foreach (var change in call.ResponseStream.ReadAllAsync(context.Cancellation))
                {
                    var row = Section.Table("", [change],
                        ("sequence", c => c.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        ("event", c => c.Type),
                        ("round", c => c.Round?.Name ?? ""),
                        ("state", c => c.Round is null ? "" : ProtoText.Enum(c.Round.State)),
                        ("auction date", c => ProtoText.Date(c.Round?.AuctionDate)),
                        ("asset", c => c.Round?.AssetDescription ?? ""));
                    context.Printer.PrintStreamed(change, row, first: seen == 0);
                    if (++seen == limit)
                    {
                        break;
                    }
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && context.Cancellation.IsCancellationRequested)
            {
                // Ctrl-C ends following; that is not an error.
            }
        });

        return CliCommand.Group("rounds", "Auction rounds, for auction organizations and supervisors.", list, follow);
    }

    public static Section Rounds(string title, IEnumerable<AuctionRound> rounds) => Section.Table(title, rounds,
        ("round", r => r.Name),
        ("state", r => ProtoText.Enum(r.State)),
        ("auction date", r => ProtoText.Date(r.AuctionDate)),
        ("starting price", r => Printer.Money(r.StartingPrice)),
        ("office", r => r.Office),
        ("organization", r => r.Organization),
        ("asset", r => r.AssetDescription));
}
