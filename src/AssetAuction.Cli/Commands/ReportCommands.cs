using System.CommandLine;
using AssetAuction.Cli.Output;
using AssetAuction.Contracts.V1;

namespace AssetAuction.Cli.Commands;

/// <summary>
/// `report show|freeze|export`: the working-year report of an office, a province or the country, cumulative to a
/// month's end (`--year 2026 --months 6` is 2025-10-01 to 2026-03-31). `export` writes the CSV or the .xlsx
/// workbook the service makes; `freeze` (supervisors) stores the report as submitted.
/// </summary>
internal static class ReportCommands
{
    public static Command Build(CliHost host)
    {
        var (office, province, country, year, months) = ScopeOptions();
        var show = CliCommand.Create(host, "show", "Compute a working-year report.", [office, province, country, year, months], async context =>
        {
            var response = await new StatisticsService.StatisticsServiceClient(context.Channel).GetWorkingYearReportAsync(
                new GetWorkingYearReportRequest { Scope = Scope(context, office, province, country), Period = Period(context, year, months) },
                cancellationToken: context.Cancellation);
            var report = response.Report;
            context.Printer.Print(response,
                Section.Fields($"Working year {report.Period.WorkingYear}, {report.PeriodStart} to {report.PeriodEnd}: {report.Scope}",
                    ("offices", string.Join(", ", report.Offices)),
                    ("digest", report.Digest),
                    ("frozen", response.Frozen is null ? "" : $"{response.Frozen.Name} by {response.Frozen.FrozenBy}")),
                Lines(report.Lines),
                Section.Table("Changed since frozen", response.DifferencesFromFrozen,
                    ("group", d => d.Group), ("key", d => d.Key), ("frozen", d => Number(d.FrozenValue)), ("now", d => Number(d.CurrentValue))));
        });

        var (fOffice, fProvince, fCountry, fYear, fMonths) = ScopeOptions();
        var requestId = CliCommand.RequestId();
        var freeze = CliCommand.Create(host, "freeze", "Freeze a report as submitted (supervisor).", [fOffice, fProvince, fCountry, fYear, fMonths, requestId], async context =>
        {
            var response = await new StatisticsService.StatisticsServiceClient(context.Channel).FreezeWorkingYearReportAsync(
                new FreezeWorkingYearReportRequest { RequestId = context.NewRequestId(requestId), Scope = Scope(context, fOffice, fProvince, fCountry), Period = Period(context, fYear, fMonths) },
                cancellationToken: context.Cancellation);
            context.Printer.Print(response, Section.Fields("Report frozen",
                ("name", response.Frozen.Name), ("digest", response.Frozen.Digest), ("frozen by", response.Frozen.FrozenBy)));
        });

        var (eOffice, eProvince, eCountry, eYear, eMonths) = ScopeOptions();
        var format = CliCommand.Text("--format", "csv (default) or xlsx.");
        var frozen = new Option<bool>("--frozen") { Description = "Export the frozen copy instead of computing the report now." };
        var output = new Option<FileInfo>("--out") { Description = "The file to write (default: the file name the service gives).", };
        var export = CliCommand.Create(host, "export", "Export a report as CSV or as an .xlsx workbook.", [eOffice, eProvince, eCountry, eYear, eMonths, format, frozen, output], async context =>
        {
            var kind = (context.Value(format) ?? "csv").ToUpperInvariant() switch
            {
                "CSV" => ExportWorkingYearReportRequest.Types.Format.Csv,
                "XLSX" => ExportWorkingYearReportRequest.Types.Format.Xlsx,
                _ => throw new UsageException("--format is csv or xlsx."),
            };
            var response = await new StatisticsService.StatisticsServiceClient(context.Channel).ExportWorkingYearReportAsync(
                new ExportWorkingYearReportRequest { Scope = Scope(context, eOffice, eProvince, eCountry), Period = Period(context, eYear, eMonths), Format = kind, Frozen = context.Value(frozen) },
                cancellationToken: context.Cancellation);
            var path = context.Value(output)?.FullName ?? Path.GetFullPath(response.FileName);
            await File.WriteAllBytesAsync(path, response.Content.ToByteArray(), context.Cancellation);
            context.Printer.Print(response, Section.Fields("Report exported", ("file", path), ("bytes", Number(response.Content.Length)), ("type", response.ContentType)));
        });

        return CliCommand.Group("report", "Working-year statistics (rate by case, rate by money, backlog).", show, freeze, export);
    }

    private static (Option<string?> Office, Option<string?> Province, Option<bool> Country, Option<int> Year, Option<int> Months) ScopeOptions() => (
        CliCommand.Text("--office", "One office, by code (HN-KV1)."),
        CliCommand.Text("--province", "Every office of a province (\"Hà Nội\")."),
        new Option<bool>("--country") { Description = "Every office in the country (supervisor)." },
        new Option<int>("--year") { Description = "The working year, named after the year it ends in: 2026 is 2025-10-01 to 2026-09-30.", Required = true },
        new Option<int>("--months") { Description = "Months from 1 October, 1 to 12 (6: to 31 March).", DefaultValueFactory = _ => 12 });

    private static ReportScope Scope(CommandContext context, Option<string?> office, Option<string?> province, Option<bool> country)
    {
        var (o, p, c) = (context.Value(office), context.Value(province), context.Value(country));
        if ((o is null ? 0 : 1) + (p is null ? 0 : 1) + (c ? 1 : 0) != 1)
        {
            throw new UsageException("Name exactly one of --office, --province or --country.");
        }

        return o is not null ? new ReportScope { Office = o } : p is not null ? new ReportScope { Province = p } : new ReportScope { Country = true };
    }

    private static ReportPeriod Period(CommandContext context, Option<int> year, Option<int> months) =>
        new() { WorkingYear = context.Value(year), Months = context.Value(months) };

    private static Section Lines(IEnumerable<ReportLine> lines) =>
        Section.Table("Figures", lines, ("group", l => l.Group), ("key", l => l.Key), ("label", l => l.Label), ("value", l => Number(l.Value)));

    private static string Number(long n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
