using AssetAuction.Domain.Statistics;
using AssetAuction.Service.Security;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Statistics;

/// <summary>
/// The `report` verb, for an operator on the server:
/// <c>report (--office CODE | --province NAME | --country) --year 2026 --months 6 [--format csv|xlsx] [--frozen] --out FILE</c>.
/// It reads the database directly as a supervisor would see it, and writes the same file the export RPC returns.
/// </summary>
internal static class ReportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        string? Option(string name)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        var scope = new V1.ReportScope();
        if (Option("office") is { } office)
        {
            scope.Office = office;
        }
        else if (Option("province") is { } province)
        {
            scope.Province = province;
        }
        else if (args.Contains("--country"))
        {
            scope.Country = true;
        }

        if (scope.ScopeCase == V1.ReportScope.ScopeOneofCase.None
            || !int.TryParse(Option("year"), System.Globalization.CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(Option("months"), System.Globalization.CultureInfo.InvariantCulture, out var months)
            || !WorkingYear.IsValid(year, months)
            || Option("out") is not { } output)
        {
            await Console.Error.WriteLineAsync("usage: report (--office CODE | --province NAME | --country) --year YYYY --months 1..12 [--format csv|xlsx] [--frozen] --out FILE");
            return 2;
        }

        var format = Option("format") is "csv" ? V1.ExportWorkingYearReportRequest.Types.Format.Csv : V1.ExportWorkingYearReportRequest.Types.Format.Xlsx;
        await using var serviceScope = services.CreateAsyncScope();
        var builder = serviceScope.ServiceProvider.GetRequiredService<ReportBuilder>();
        var operatorCaller = new Caller("operator", Roles.Supervisor, "", "");
        var file = await ExportWorkingYearReport.ExportAsync(builder, builder.Resolve(scope, operatorCaller), new WorkingYear(year, months), format, args.Contains("--frozen"), CancellationToken.None);
        await File.WriteAllBytesAsync(output, file.Content.ToByteArray());
        Console.WriteLine($"{output}: {file.FileName}, {file.Content.Length} bytes, digest {file.Digest}");
        return 0;
    }
}
