using System.Text;
using AssetAuction.Domain.Statistics;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace AssetAuction.Service.Statistics;

/// <summary>The report as files: the canonical CSV, or an .xlsx workbook (Open XML SDK) with one sheet per group.</summary>
public static class ReportWorkbook
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>"bao-cao-HN-KV1-2026-06.xlsx": the scope's last segment, the working year and months.</summary>
    public static string FileName(string scope, WorkingYear period, string extension)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(period);
        var name = scope[(scope.LastIndexOf('/') + 1)..];
        var safe = new string([.. name.Select(c => char.IsLetterOrDigit(c) || c == '-' ? c : '-')]);
        return $"bao-cao-{safe}-{period.Key}.{extension}";
    }

    public static byte[] Csv(string canonicalCsv) => Encoding.UTF8.GetBytes(canonicalCsv);

    /// <summary>
    /// A first sheet "Thông tin" (scope, period, digest), then one sheet per group with the columns key (English),
    /// label (Vietnamese) and value, the value as a number cell.
    /// </summary>
    public static byte[] Xlsx(string scope, WorkingYear period, string digest, IReadOnlyList<ReportLine> lines)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(lines);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            void AddSheet(string name, IEnumerable<Row> rows)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                foreach (var row in rows)
                {
                    data.Append(row);
                }

                part.Worksheet = new Worksheet(new Columns(
                    new Column { Min = 1, Max = 1, Width = 40, CustomWidth = true },
                    new Column { Min = 2, Max = 2, Width = 70, CustomWidth = true },
                    new Column { Min = 3, Max = 3, Width = 20, CustomWidth = true }), data);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            }

            AddSheet("Thông tin",
            [
                Row(Text("key"), Text("label"), Text("value")),
                Row(Text("scope"), Text("Phạm vi"), Text(scope)),
                Row(Text("working_year"), Text("Năm công tác"), Number(period.Year)),
                Row(Text("months"), Text("Số tháng lũy kế"), Number(period.Months)),
                Row(Text("period_start"), Text("Từ ngày"), Text(period.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))),
                Row(Text("period_end"), Text("Đến ngày"), Text(period.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))),
                Row(Text("digest_sha256"), Text("Mã kiểm tra (SHA-256 của bản CSV)"), Text(digest)),
            ]);
            foreach (var (group, label) in ReportLines.Groups)
            {
                var rows = new List<Row> { Row(Text("key"), Text("label"), Text("value")) };
                rows.AddRange(lines.Where(l => l.Group == group).Select(l => Row(Text(l.Key), Text(l.Label), Number(l.Value))));

                // Sheet names are at most 31 characters in Excel.
                AddSheet(label.Length > 31 ? label[..31] : label, rows);
            }

            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row Row(params Cell[] cells) => new(cells);

    private static Cell Text(string value) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) };

    private static Cell Number(long value) => new() { DataType = CellValues.Number, CellValue = new CellValue(value.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
}
