using System.Globalization;
using AssetAuction.Domain.Common;
using AssetAuction.Service.Requests;
using CsvHelper;
using CsvHelper.Configuration;

namespace AssetAuction.Service.Proceeds;

/// <summary>The statement CSV: a header row, then date (yyyy-MM-dd), amount (whole dong), reference, counterparty.</summary>
internal static class StatementCsv
{
    public sealed record Line(int Number, DateOnly Date, long Amount, string Reference, string Counterparty);

    public static List<Line> Parse(string content)
    {
        var lines = new List<Line>();
        var violations = new List<FieldViolation>();
        using var reader = new StringReader(content);
        var badData = new List<string>();
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = args => badData.Add($"Line {args.Context.Parser?.Row}: malformed quoting."),
        });
        try
        {
            return Read(csv, lines, violations, badData);
        }
        catch (CsvHelperException e)
        {
            throw new RequestValidationException([new FieldViolation("csv_content", $"Line {e.Context?.Parser?.Row}: the CSV cannot be read ({e.GetType().Name}).")]);
        }
    }

    private static List<Line> Read(CsvReader csv, List<Line> lines, List<FieldViolation> violations, List<string> badData)
    {
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not ["date", "amount", "reference", "counterparty"])
        {
            throw new RequestValidationException([new FieldViolation("csv_content", "The first row must be the header: date,amount,reference,counterparty.")]);
        }

        while (csv.Read())
        {
            var number = csv.Parser.Row;
            var problems = new List<string>();
            if (!DateOnly.TryParseExact(csv.GetField(0), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Add("date must be yyyy-MM-dd");
            }

            if (!long.TryParse(csv.GetField(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount) || amount == 0 || !Money.IsWithinBounds(amount))
            {
                problems.Add($"amount must be a non-zero whole number of dong, at most {Money.Max} in size");
            }

            var reference = csv.GetField(2) ?? "";
            if (reference.Length is 0 or > 1000)
            {
                problems.Add("reference is required (at most 1000 characters)");
            }

            if ((csv.GetField(3) ?? "").Length > 512)
            {
                problems.Add("counterparty is at most 512 characters");
            }

            if (csv.Parser.Count != 4)
            {
                problems.Add($"4 fields expected, {csv.Parser.Count} found");
            }

            if (problems.Count > 0)
            {
                violations.Add(new FieldViolation("csv_content", $"Line {number}: {string.Join("; ", problems)}."));
                continue;
            }

            lines.Add(new Line(number, date, amount, reference, csv.GetField(3) ?? ""));
        }

        violations.AddRange(badData.Select(d => new FieldViolation("csv_content", d)));
        if (violations.Count > 0)
        {
            throw new RequestValidationException(violations);
        }

        return lines;
    }
}
