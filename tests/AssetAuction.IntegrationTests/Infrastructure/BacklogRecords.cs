using AssetAuction.Contracts.V1;
using Google.Protobuf.WellKnownTypes;
using Google.Type;

namespace AssetAuction.IntegrationTests.Infrastructure;

/// <summary>
/// Realistic import records for an office's backlog (shared by the import tests, the import benchmark and the
/// sample file): land parcels seized between 2024 and mid-2026, valued, put to auction, failed and reduced in
/// price, sold and partly or fully paid, handed over, or released; eight acts on average.
/// </summary>
public static class BacklogRecords
{
    /// <summary>The shapes of history, by record number: eight acts on average over the cycle.</summary>
    public enum Shape
    {
        /// <summary>Seized and valued; the auction contract is still to be signed (2 acts).</summary>
        Valued,

        /// <summary>Two failed rounds, each followed by a price reduction; a third round is scheduled (9 acts).</summary>
        FailedTwice,

        /// <summary>Failed once, reduced, sold at the second round and partly paid (8 acts).</summary>
        PartlyPaid,

        /// <summary>Sold at the first round, paid in full in two instalments, handed over (7 acts).</summary>
        HandedOver,

        /// <summary>Failed three times with reductions, then the seizure released (10 acts).</summary>
        Released,

        /// <summary>Failed, reduced, failed, reduced, sold, paid in full, handed over, land documents sent (13 acts).</summary>
        LongRoad,
    }

    public static Shape ShapeOf(long number) => (Shape)(number % 6);

    /// <summary>
    /// Record <paramref name="number"/> of an office's file: its own parcel, case and source reference
    /// (<paramref name="prefix"/> keeps runs apart), contracts with <paramref name="organization"/>.
    /// </summary>
    public static ImportRecord Record(long number, string office, string organization, string prefix = "QLTS")
    {
        // Seizures spread over 900 days from 2 January 2024 (through Tết and across the 2026-07-01 regime switch).
        var seized = new DateOnly(2024, 1, 2).AddDays((int)(number * 37 % 900));
        var price = 800_000_000 + (number % 40) * 50_000_000;
        var caseNumber = $"{prefix}-THA-{number / 2}"; // two assets per case
        var record = new ImportRecord
        {
            SourceReference = $"{prefix}-{number:D7}",
            Seizure = new RegisterSeizureRequest
            {
                EnforcementCase = new EnforcementCase
                {
                    CaseNumber = caseNumber, DecisionNumber = $"{number / 2}/QĐ-CCTHADS", DecisionDate = D(seized.AddDays(-30)), Office = office, Officer = "officer-" + (number % 12),
                },
                Debtors = { Person("Nguyễn Văn " + Letter(number), number) },
                SeizureDate = D(seized),
                MinutesNumber = $"BB-{number}/KB",
            },
        };
        record.Seizure.Assets.Add(Land(number, prefix));
        record.Obligations.Add(new ImportObligation
        {
            Obligation = new Obligation
            {
                CreditorId = "bank", Creditor = new Party { Type = Party.Types.Type.Organization, FullName = "Ngân hàng TMCP Công Thương", IdentityNumber = "0100111948" },
                Owed = 2_000_000_000 + (number / 2 % 10) * 100_000_000, Category = Obligation.Types.Category.Other, RequestedOn = D(new DateOnly(2023, 12, 1).AddDays((int)(number / 2 % 20))),
            },
        });

        var acts = record.Acts;
        var valuedOn = seized.AddDays(10);
        acts.Add(Act(new RecordValuationRequest
        {
            Appraisal = new Appraisal { OrganizationName = "Công ty Thẩm định giá Sài Gòn", ContractNumber = $"TĐG-{number}", ContractDate = D(seized.AddDays(3)), Price = price, CertificateNumber = $"CT-{number}", CertificateDate = D(valuedOn) },
            NotifiedDate = D(valuedOn.AddDays(1)),
        }));
        var shape = ShapeOf(number);
        if (shape == Shape.Valued)
        {
            return record;
        }

        var day = valuedOn.AddDays(12);
        acts.Add(Act(new SignAuctionContractRequest { Organization = organization, ContractNumber = $"HĐĐG-{number}", ContractDate = D(day) }));
        var failures = shape switch { Shape.FailedTwice => 2, Shape.PartlyPaid => 1, Shape.HandedOver => 0, Shape.Released => 3, _ => 2 };
        for (var round = 0; round < failures; round++)
        {
            var auction = day.AddDays(25);
            acts.Add(Act(new ScheduleAuctionRoundRequest { Plan = Plan(day.AddDays(3), auction, price / 10) }));
            acts.Add(Act(new RecordAuctionResultRequest { Failed = new FailedResult { Reason = AuctionRound.Types.FailureReason.NoBids, PartiesNotifiedOn = D(auction.AddDays(1)) }, Note = "Không có người đăng ký" }));
            price = price * 9 / 10;
            day = auction.AddDays(4);
            acts.Add(Act(new ReducePriceRequest { AgreedByParties = true, NewStartingPrice = price, DecisionNumber = $"QĐ-GG-{number}-{round}", DecisionDate = D(day) }));
        }

        switch (shape)
        {
            case Shape.FailedTwice:
                acts.Add(Act(new ScheduleAuctionRoundRequest { Plan = Plan(day.AddDays(3), day.AddDays(28), price / 10) }));
                return record;
            case Shape.Released:
                acts.Add(Act(new ReleaseSeizureRequest { Reason = "QĐ giải tỏa kê biên: người phải thi hành án đã thi hành xong", DecisionDate = D(day.AddDays(20)) }));
                return record;
        }

        var sold = day.AddDays(25);
        var winning = price + 20_000_000;
        var deposit = price / 10;
        acts.Add(Act(new ScheduleAuctionRoundRequest { Plan = Plan(day.AddDays(3), sold, deposit) }));
        acts.Add(Act(new RecordAuctionResultRequest { Sold = new SoldResult { Winner = Person("Lê Văn Mua " + Letter(number), number + 500_000), WinningPrice = winning, DepositPaid = deposit }, Note = "Biên bản đấu giá thành" }));
        var half = (winning - deposit) / 2;
        acts.Add(Act(new RecordBuyerPaymentRequest { Amount = half, PaidOn = D(sold.AddDays(10)), Reference = $"UNC-{number}-1" }));
        if (shape == Shape.PartlyPaid)
        {
            return record;
        }

        var paid = sold.AddDays(20);
        acts.Add(Act(new RecordBuyerPaymentRequest { Amount = winning - deposit - half, PaidOn = D(paid), Reference = $"UNC-{number}-2" }));
        acts.Add(Act(new RecordHandoverRequest { HandoverDate = D(paid.AddDays(15)), MinutesNumber = $"BB-BG-{number}" }));
        if (shape == Shape.LongRoad)
        {
            acts.Add(Act(new RecordLandDocumentsSentRequest { SentOn = D(paid.AddDays(20)), LandRegistrationOffice = "Văn phòng đăng ký đất đai Hà Nội" }));
        }

        return record;
    }

    public static ImportAct Act(Google.Protobuf.IMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var act = new ImportAct();
        var field = ImportAct.Descriptor.Fields.InDeclarationOrder().Single(f => f.MessageType == request.Descriptor);
        field.Accessor.SetValue(act, request);
        return act;
    }

    public static RoundPlan Plan(DateOnly posting, DateOnly auction, long deposit) => new()
    {
        AuctionTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(auction.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero)),
        Place = "Hội trường Tổ chức đấu giá",
        PostingDate = D(posting),
        RegistrationStart = D(posting),
        RegistrationEnd = D(auction.AddDays(-2)),
        Deposit = deposit,
        BidStep = 10_000_000,
        Method = RoundPlan.Types.Method.Oral,
    };

    public static Date D(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    private static NewAsset Land(long number, string prefix) => new()
    {
        Description = "Quyền sử dụng đất ở và nhà ở gắn liền",
        LandUseRight = new LandUseRight
        {
            Province = "Hà Nội",
            Commune = "Phường " + Letter(number / 26) + " " + prefix,
            MapSheetNumber = (number % 97 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ParcelNumber = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Address = $"Số {number % 300 + 1} ngõ {number % 50 + 1}",
            AreaM2 = 40 + number % 160,
            LandUsePurpose = "ODT",
            UseTerm = "long-term",
            CertificateNumber = $"CS {number:D6}",
            CertificateIssueDate = new Date { Year = 2012 + (int)(number % 10), Month = 6, Day = 1 },
        },
        Owners = { new Owner { Party = Person("Nguyễn Văn " + Letter(number), number), JudgmentDebtor = true, ShareNumerator = 1, ShareDenominator = 1 } },
    };

    private static Party Person(string name, long number) => new() { Type = Party.Types.Type.Individual, FullName = name, IdentityNumber = "001" + (number % 1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture), Address = "Hà Nội" };

    private static string Letter(long number) => ((char)('A' + (int)(number % 26))).ToString();
}
