using System.CommandLine;
using AssetAuction.Cli.Output;
using AssetAuction.Contracts.V1;

namespace AssetAuction.Cli.Commands;

/// <summary>`audit verify`: checks the audit trail's hash chain (supervisor). Exit code 1 when the chain
/// is broken, so that a scheduled check fails loudly. (The checkpoint export joins this group as its own
/// small file once the service has the RPC.)</summary>
internal static class AuditCommands
{
    public static Command Build(CliHost host)
    {
        var verify = CliCommand.Create(host, "verify", "Verify the audit trail's hash chain.", [], async context =>
        {
            var response = await new AuditService.AuditServiceClient(context.Channel).VerifyAuditChainAsync(new VerifyAuditChainRequest(), cancellationToken: context.Cancellation);
            context.Printer.Print(response, Section.Fields(response.Intact ? "Audit chain intact" : "Audit chain BROKEN",
                ("intact", response.Intact ? "yes" : "no"),
                ("entries checked", response.EntriesChecked.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("first broken sequence", response.FirstBrokenSequence == 0 ? "" : response.FirstBrokenSequence.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("problem", response.Problem)));
            if (!response.Intact)
            {
                context.ExitCode = ExitCodes.Refused;
            }
        });
        return CliCommand.Group("audit", "The audit trail.", verify);
    }
}
