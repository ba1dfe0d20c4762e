using System.CommandLine;
using AssetAuction.Cli.Output;
using AssetAuction.Contracts.V1;

namespace AssetAuction.Cli.Commands;

/// <summary>`audit verify`: checks the audit trail's hash chain (supervisor). Exit code 1 when the chain
/// is broken, so that a scheduled check fails loudly. `audit checkpoint --out FILE`: a signed checkpoint of
/// the chain's head, to keep where the database's writers cannot change it (check it later with the
/// service's `verify-audit --checkpoint FILE`).</summary>
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
        var output = new Option<FileInfo>("--out") { Description = "The file to write the signed checkpoint to (default: print it)." };
        var checkpoint = CliCommand.Create(host, "checkpoint", "Export a signed checkpoint of the audit chain's head.", [output], async context =>
        {
            var response = await new AuditService.AuditServiceClient(context.Channel).ExportAuditCheckpointAsync(new ExportAuditCheckpointRequest(), cancellationToken: context.Cancellation);
            if (context.Value(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, response.Document, context.Cancellation);
            }

            context.Printer.Print(response, Section.Fields("Audit checkpoint",
                ("sequence", response.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("hash", response.Hash),
                ("file", context.Value(output)?.FullName ?? "")));
            if (context.Value(output) is null && context.Printer.Format == "table")
            {
                host.Out.WriteLine(response.Document);
            }
        });
        return CliCommand.Group("audit", "The audit trail.", verify, checkpoint);
    }
}
