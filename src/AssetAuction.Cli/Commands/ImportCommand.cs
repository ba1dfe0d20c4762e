using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AssetAuction.Cli.Output;
using AssetAuction.Contracts.V1;
using Google.Protobuf;
using Grpc.Core;

namespace AssetAuction.Cli.Commands;

/// <summary>
/// `asset import FILE`: streams an office's backlog (JSON Lines, one ImportRecord per line) to ImportAssets,
/// with progress on stderr and each failed record (line, act, field, reason) at the end. The import id is
/// derived from the office and the file's digest, so running the same command again resumes an interrupted
/// import (what was imported comes back unchanged); --import-id overrides it.
/// </summary>
internal static class ImportCommand
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    public static Command Build(CliHost host)
    {
        var file = new Argument<FileInfo>("file") { Description = "The backlog file: JSON Lines, one ImportRecord (proto3 JSON) per line; see samples/backlog-import.jsonl." };
        var office = CliCommand.Text("--office", "The office imported into (default: your token's office).");
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every record against the rules and the stored data; write nothing." };
        var importId = CliCommand.Text("--import-id", "The import's UUID (default: derived from the office and the file's digest, so the same command resumes).");
        return CliCommand.Create(host, "import", "Import an office's assets already under way from a JSON Lines file.", [file, office, dryRun, importId], async context =>
        {
            var path = context.Value(file);
            if (!path.Exists)
            {
                throw new UsageException($"{path.FullName} does not exist.");
            }

            string digest;
            await using (var content = path.OpenRead())
            {
                digest = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, context.Cancellation));
            }

            var target = context.Value(office) ?? "";
            var options = new ImportOptions
            {
                ImportId = context.Value(importId) ?? DerivedId(target, digest),
                Office = target,
                DryRun = context.Value(dryRun),
                FileName = path.Name,
                FileSha256 = digest,
            };
            if (!Guid.TryParseExact(options.ImportId, "D", out _))
            {
                throw new UsageException("--import-id must be a UUID.");
            }

            var unreadable = new List<ImportOutcome>();
            var client = new AssetImportService.AssetImportServiceClient(context.Channel);
            using var call = client.ImportAssets(cancellationToken: context.Cancellation);
            var failed = new List<ImportOutcome>();
            ImportProgress? last = null;
            var reading = Task.Run(async () =>
            {
                await foreach (var response in call.ResponseStream.ReadAllAsync(context.Cancellation))
                {
                    last = response.Progress;
                    failed.AddRange(response.Outcomes.Where(o => o.Status == ImportOutcome.Types.Status.Failed));
                    if (response.Outcomes.Count > 0 || response.Progress.Done)
                    {
                        context.Printer.Note(Describe(response.Progress));
                    }
                }
            });

            await call.RequestStream.WriteAsync(new ImportAssetsRequest { Options = options }, context.Cancellation);
            long number = 0;
            using (var reader = new StreamReader(path.OpenRead(), Encoding.UTF8))
            {
                while (await reader.ReadLineAsync(context.Cancellation) is { } line)
                {
                    number++;
                    if (string.IsNullOrWhiteSpace(line))
                    {
                        continue;
                    }

                    ImportRecord record;
                    try
                    {
                        record = Parser.Parse<ImportRecord>(line);
                    }
                    catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException)
                    {
                        unreadable.Add(new ImportOutcome { Line = number, Status = ImportOutcome.Types.Status.Failed, ActIndex = -1, Reason = "INVALID_JSON", Message = e.Message });
                        continue;
                    }

                    record.Line = number;
                    await call.RequestStream.WriteAsync(new ImportAssetsRequest { Record = record }, context.Cancellation);
                }
            }

            await call.RequestStream.CompleteAsync();
            await reading;
            var progress = last ?? new ImportProgress();
            var summary = new ImportAssetsResponse { Progress = progress };
            summary.Outcomes.Add(unreadable.Concat(failed).OrderBy(o => o.Line));
            context.Printer.Print(summary,
                Section.Fields(options.DryRun ? "Import checked (dry run: nothing written)" : "Import done",
                    ("import", progress.Import),
                    ("office", progress.Office),
                    ("file", $"{options.FileName} (sha256 {digest})"),
                    ("records read", Count(progress.RecordsRead)),
                    (options.DryRun ? "valid" : "imported", Count(progress.Imported)),
                    ("unchanged (imported before)", Count(progress.Unchanged)),
                    ("failed", Count(progress.Failed + unreadable.Count))),
                Section.Table("Records not imported", summary.Outcomes,
                    ("line", o => Count(o.Line)),
                    ("source reference", o => o.SourceReference),
                    ("act", o => o.ActIndex < 0 ? "" : Count(o.ActIndex)),
                    ("field", o => o.Field),
                    ("reason", o => o.Reason),
                    ("message", o => o.Message)));
            if (summary.Outcomes.Count > 0)
            {
                context.ExitCode = ExitCodes.Refused;
            }
        });
    }

    /// <summary>A UUID (version 8, name-based) from the office and the file's digest: the same file into the same office is the same import.</summary>
    private static string DerivedId(string office, string digest)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"assetauction-import\n{office}\n{digest}"))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }

    private static string Describe(ImportProgress p) =>
        $"{(p.Done ? "done" : "...")} {Count(p.RecordsRead)} read, {Count(p.Imported)} {(p.DryRun ? "valid" : "imported")}, {Count(p.Unchanged)} unchanged, {Count(p.Failed)} failed";

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
