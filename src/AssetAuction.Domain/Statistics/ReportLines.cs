using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AssetAuction.Domain.Statistics;

/// <summary>
/// One figure of a report as a row: its group (a sheet of the workbook), a stable English key, the Vietnamese
/// label the agencies' forms use, and an integer value (counts, dong, days, or basis points as the key says).
/// The rows are the report's canonical form: exports, the frozen copy, its digest and differences all use them.
/// </summary>
public sealed record ReportLine(string Group, string Key, string Label, long Value);

public static class ReportLines
{
    /// <summary>The groups in order, with their Vietnamese sheet names.</summary>
    public static IReadOnlyList<(string Group, string Label)> Groups { get; } =
    [
        ("assets", "Tài sản"),
        ("cases", "Việc có tài sản kê biên"),
        ("money", "Tiền"),
        ("timeliness", "Thời hạn"),
        ("problems", "Nhóm vấn đề"),
        ("auctions", "Đấu giá"),
    ];

    public static IReadOnlyList<ReportLine> Of(WorkingYearFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var a = figures.Assets;
        var c = figures.Cases;
        var m = figures.Money;
        var t = figures.Timeliness;
        var p = figures.Problems;
        var u = figures.Auctions;
        var lines = new List<ReportLine>
        {
            new("assets", "carried_over", "Tài sản kỳ trước chuyển sang", a.CarriedOver),
            new("assets", "newly_seized", "Tài sản kê biên mới", a.NewlySeized),
            new("assets", "disposed_sold_and_paid", "Đã bán đấu giá, thu đủ tiền và giao tài sản", a.DisposedSoldAndPaid),
            new("assets", "disposed_taken_by_creditor", "Người được thi hành án nhận tài sản", a.DisposedTakenByCreditor),
            new("assets", "disposed_redeemed", "Người phải thi hành án nộp tiền nhận lại tài sản", a.DisposedRedeemed),
            new("assets", "disposed_returned_to_debtor", "Trả lại tài sản cho người phải thi hành án", a.DisposedReturnedToDebtor),
            new("assets", "disposed_released", "Giải tỏa kê biên", a.DisposedReleased),
            new("assets", "disposed_total", "Tổng số tài sản đã xử lý xong", a.Disposed),
            new("assets", "remaining_awaiting_valuation", "Còn lại: chờ định giá", a.RemainingAwaitingValuation),
            new("assets", "remaining_awaiting_sale", "Còn lại: đang bán đấu giá", a.RemainingAwaitingSale),
            new("assets", "remaining_awaiting_payment", "Còn lại: chờ người mua nộp tiền", a.RemainingAwaitingPayment),
            new("assets", "remaining_awaiting_handover", "Còn lại: chờ giao tài sản", a.RemainingAwaitingHandover),
            new("assets", "remaining_total", "Tổng số tài sản chuyển kỳ sau", a.Remaining),
            new("cases", "carried_over", "Số việc kỳ trước chuyển sang", c.CarriedOver),
            new("cases", "new", "Số việc mới", c.New),
            new("cases", "to_handle", "Tổng số việc phải thi hành (có điều kiện)", c.ToHandle),
            new("cases", "completed", "Số việc thi hành xong về tài sản", c.Completed),
            new("cases", "remaining", "Số việc chuyển kỳ sau", c.Remaining),
            new("cases", "rate_basis_points", "Tỷ lệ về việc (phần vạn)", c.RateBasisPoints),
            new("money", "value_under_seizure", "Giá trị tài sản đang kê biên (đồng)", m.ValueUnderSeizure),
            new("money", "realised_sales", "Thu từ bán tài sản (đồng)", m.RealisedSales),
            new("money", "realised_redemptions", "Thu từ nhận lại tài sản (đồng)", m.RealisedRedemptions),
            new("money", "realised_takeovers", "Giá trị tài sản giao người được thi hành án (đồng)", m.RealisedTakeovers),
            new("money", "realised_total", "Tổng số tiền thu được (đồng)", m.Realised),
            new("money", "paid_to_creditors", "Đã chi trả cho người được thi hành án (đồng)", m.PaidToCreditors),
            new("money", "fees", "Phí thi hành án (đồng)", m.Fees),
            new("money", "surplus_returned", "Trả lại người phải thi hành án (đồng)", m.SurplusReturned),
            new("money", "owed_to_creditors", "Số tiền phải thi hành (đồng)", m.OwedToCreditors),
            new("money", "rate_basis_points", "Tỷ lệ về tiền (phần vạn)", m.RateBasisPoints),
            new("timeliness", "due", "Thời hạn đến hạn trong kỳ", t.Due),
            new("timeliness", "met", "Đúng hạn", t.Met),
            new("timeliness", "met_late", "Quá hạn nhưng đã thực hiện", t.MetLate),
            new("timeliness", "missed", "Chưa thực hiện", t.Missed),
        };
        foreach (var r in t.ByRuleSet)
        {
            lines.Add(new("timeliness", $"rule_set.{r.RuleSet}.due", $"Đến hạn theo bộ quy tắc {r.RuleSet}", r.Due));
            lines.Add(new("timeliness", $"rule_set.{r.RuleSet}.met", $"Đúng hạn theo bộ quy tắc {r.RuleSet}", r.Met));
            lines.Add(new("timeliness", $"rule_set.{r.RuleSet}.met_late", $"Quá hạn đã thực hiện theo bộ quy tắc {r.RuleSet}", r.MetLate));
            lines.Add(new("timeliness", $"rule_set.{r.RuleSet}.missed", $"Chưa thực hiện theo bộ quy tắc {r.RuleSet}", r.Missed));
        }

        foreach (var d in t.Durations)
        {
            var label = DurationLabels.GetValueOrDefault(d.Key, d.Key);
            lines.Add(new("timeliness", $"{d.Key}.count", $"{label}: số tài sản", d.Count));
            lines.Add(new("timeliness", $"{d.Key}.median_days", $"{label}: trung vị (ngày)", d.MedianDays));
            lines.Add(new("timeliness", $"{d.Key}.p90_days", $"{label}: phân vị 90 (ngày)", d.P90Days));
        }

        lines.AddRange(
        [
            new("problems", "large_cases.count", "Việc có giá trị lớn: số việc", p.LargeCases.Count),
            new("problems", "large_cases.owed", "Việc có giá trị lớn: số tiền phải thi hành (đồng)", p.LargeCases.Owed),
            new("problems", "large_cases.value", "Việc có giá trị lớn: giá trị tài sản (đồng)", p.LargeCases.Value),
            new("problems", "old_cases.count", "Việc có quyết định thi hành án quá 3 năm: số việc", p.OldCases.Count),
            new("problems", "old_cases.owed", "Việc quá 3 năm: số tiền phải thi hành (đồng)", p.OldCases.Owed),
            new("problems", "old_cases.value", "Việc quá 3 năm: giá trị tài sản (đồng)", p.OldCases.Value),
            new("problems", "stuck_assets.count", "Tài sản tồn đọng ở một khâu: số tài sản", p.StuckAssets.Count),
            new("problems", "stuck_assets.value", "Tài sản tồn đọng: giá trị (đồng)", p.StuckAssets.Value),
            new("auctions", "failed_rounds", "Số cuộc đấu giá không thành", u.FailedRounds),
            new("auctions", "price_reductions", "Số lần giảm giá", u.PriceReductions),
            new("auctions", "sales_with_first_price", "Số tài sản bán được có giá khởi điểm lần đầu", u.SalesWithFirstPrice),
            new("auctions", "average_discount_basis_points", "Mức giảm bình quân so với giá khởi điểm lần đầu (phần vạn)", u.AverageDiscountBasisPoints),
        ]);
        return lines;
    }

    private static readonly Dictionary<string, string> DurationLabels = new(StringComparer.Ordinal)
    {
        [DurationKeys.SeizureToValuation] = "Từ kê biên đến định giá",
        [DurationKeys.ValuationToFirstAuction] = "Từ định giá đến đấu giá lần đầu",
        [DurationKeys.FirstAuctionToSale] = "Từ đấu giá lần đầu đến bán được",
        [DurationKeys.SaleToFullPayment] = "Từ bán được đến thu đủ tiền",
        [DurationKeys.FullPaymentToPayout] = "Từ thu đủ tiền đến chi trả",
    };

    /// <summary>
    /// The canonical text of a report: a CSV with a header, one row per line, UTF-8, "\n" line ends, values as
    /// invariant integers. The frozen copy stores it and its SHA-256 is the report's digest.
    /// </summary>
    public static string Csv(IEnumerable<ReportLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var text = new StringBuilder("group,key,label,value\n");
        foreach (var line in lines)
        {
            text.Append(line.Group).Append(',').Append(line.Key).Append(',').Append(Quote(line.Label)).Append(',')
                .Append(line.Value.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }

    public static IReadOnlyList<ReportLine> ParseCsv(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var lines = new List<ReportLine>();
        foreach (var row in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            var first = row.IndexOf(',', StringComparison.Ordinal);
            var second = row.IndexOf(',', first + 1);
            var last = row.LastIndexOf(',');
            var label = row[(second + 1)..last];
            lines.Add(new ReportLine(row[..first], row[(first + 1)..second], Unquote(label), long.Parse(row[(last + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)));
        }

        return lines;
    }

    public static string Digest(string csv) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(csv)));

    /// <summary>The lines whose value differs between a frozen copy and a recomputation (a line on one side only counts as 0 on the other).</summary>
    public static IReadOnlyList<(string Group, string Key, long Frozen, long Current)> Differences(IReadOnlyList<ReportLine> frozen, IReadOnlyList<ReportLine> current)
    {
        ArgumentNullException.ThrowIfNull(frozen);
        ArgumentNullException.ThrowIfNull(current);
        var before = frozen.ToDictionary(l => (l.Group, l.Key), l => l.Value);
        var now = current.ToDictionary(l => (l.Group, l.Key), l => l.Value);
        return before.Keys.Concat(now.Keys).Distinct()
            .Select(k => (k.Group, k.Key, Frozen: before.GetValueOrDefault(k), Current: now.GetValueOrDefault(k)))
            .Where(d => d.Frozen != d.Current)
            .ToList();
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Unquote(string text) =>
        text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : text;
}
