using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetAuction.Service.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuctionOrganizations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    LicenceNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuctionOrganizations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Time = table.Column<long>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Office = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Rpc = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Resource = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BeforeJson = table.Column<string>(type: "TEXT", nullable: false),
                    AfterJson = table.Column<string>(type: "TEXT", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "DistributionPlans",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AssetId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Office = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    PreparedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PlanJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    ApproveTime = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    Entitlements = table.Column<string>(type: "TEXT", nullable: true),
                    Payouts = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DistributionPlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Events",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Resource = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Office = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Organization = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Time = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Payload = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Events", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Response = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreateTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => x.RequestId);
                });

            migrationBuilder.CreateTable(
                name: "JournalHeads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LastEventSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    LastAuditSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    LastAuditHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalHeads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LedgerEntries",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TransactionId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Office = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AssetId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ValueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Account = table.Column<int>(type: "INTEGER", nullable: false),
                    CreditorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    ReversalOf = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CreateTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Obligations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Office = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CreditorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreditorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreditorIdentity = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Owed = table.Column<long>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    StateBudget = table.Column<bool>(type: "INTEGER", nullable: false),
                    SecuredAssetId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CollateralRank = table.Column<int>(type: "INTEGER", nullable: false),
                    HolderIsJudgmentCreditor = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EnforcementDecision = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Judgment = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ReceivedBefore = table.Column<long>(type: "INTEGER", nullable: false),
                    FeeChargedBefore = table.Column<long>(type: "INTEGER", nullable: false),
                    CreateTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Obligations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Seizures",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Case_CaseNumber = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Case_DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Case_DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Case_Office = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Case_Officer = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Case_StateBudgetDebt = table.Column<bool>(type: "INTEGER", nullable: false),
                    SeizureDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MinutesNumber = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CreateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Debtors = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Seizures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StatementLines",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Office = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StatementId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ValueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Counterparty = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    MatchedTransactionId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ImportTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatementLines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Assets",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SeizureId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Office = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    StateSince = table.Column<long>(type: "INTEGER", nullable: false),
                    IdentityKey = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ActiveIdentityKey = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ReleaseReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReleaseTime = table.Column<long>(type: "INTEGER", nullable: true),
                    CreateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    StartingPrice = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadyOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Contract = table.Column<string>(type: "TEXT", nullable: true),
                    CoOwnerAnswers = table.Column<string>(type: "TEXT", nullable: true),
                    Encumbrances = table.Column<string>(type: "TEXT", nullable: true),
                    ForfeitedDeposits = table.Column<string>(type: "TEXT", nullable: true),
                    Handover = table.Column<string>(type: "TEXT", nullable: true),
                    History = table.Column<string>(type: "TEXT", nullable: true),
                    House = table.Column<string>(type: "TEXT", nullable: true),
                    Land = table.Column<string>(type: "TEXT", nullable: true),
                    Movable = table.Column<string>(type: "TEXT", nullable: true),
                    Owners = table.Column<string>(type: "TEXT", nullable: true),
                    PastSales = table.Column<string>(type: "TEXT", nullable: true),
                    PendingRevaluation = table.Column<string>(type: "TEXT", nullable: true),
                    Redemption = table.Column<string>(type: "TEXT", nullable: true),
                    Reductions = table.Column<string>(type: "TEXT", nullable: true),
                    Returned = table.Column<string>(type: "TEXT", nullable: true),
                    Sale = table.Column<string>(type: "TEXT", nullable: true),
                    Takeover = table.Column<string>(type: "TEXT", nullable: true),
                    Valuations = table.Column<string>(type: "TEXT", nullable: true),
                    Vehicle = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assets_Seizures_SeizureId",
                        column: x => x.SeizureId,
                        principalTable: "Seizures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AuctionRounds",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AssetId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Office = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StartingPrice = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    AuctionTime = table.Column<long>(type: "INTEGER", nullable: false),
                    AuctionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Online = table.Column<bool>(type: "INTEGER", nullable: false),
                    PostingDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RegistrationStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RegistrationEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Deposit = table.Column<long>(type: "INTEGER", nullable: false),
                    BidStep = table.Column<long>(type: "INTEGER", nullable: false),
                    Method = table.Column<int>(type: "INTEGER", nullable: false),
                    WinningPrice = table.Column<long>(type: "INTEGER", nullable: false),
                    DepositPaid = table.Column<long>(type: "INTEGER", nullable: false),
                    FailureReason = table.Column<int>(type: "INTEGER", nullable: false),
                    ResultNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ResultTime = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: true),
                    Winner = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuctionRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuctionRounds_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Deadlines",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AssetId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Office = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Officer = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RuleSet = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReminderReportedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OverdueReportedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deadlines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Deadlines_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "JournalHeads",
                columns: new[] { "Id", "LastAuditHash", "LastAuditSequence", "LastEventSequence" },
                values: new object[] { 1, "0000000000000000000000000000000000000000000000000000000000000000", 0L, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_Assets_ActiveIdentityKey",
                table: "Assets",
                column: "ActiveIdentityKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assets_IdentityKey",
                table: "Assets",
                column: "IdentityKey");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_Office_CaseNumber",
                table: "Assets",
                columns: new[] { "Office", "CaseNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Assets_Office_Id",
                table: "Assets",
                columns: new[] { "Office", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Assets_SeizureId",
                table: "Assets",
                column: "SeizureId");

            migrationBuilder.CreateIndex(
                name: "IX_AuctionOrganizations_DisplayName_Id",
                table: "AuctionOrganizations",
                columns: new[] { "DisplayName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuctionOrganizations_LicenceNumber",
                table: "AuctionOrganizations",
                column: "LicenceNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuctionRounds_AssetId",
                table: "AuctionRounds",
                column: "AssetId");

            migrationBuilder.CreateIndex(
                name: "IX_AuctionRounds_OrganizationId_AuctionTime_Id",
                table: "AuctionRounds",
                columns: new[] { "OrganizationId", "AuctionTime", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Resource_Sequence",
                table: "AuditEntries",
                columns: new[] { "Resource", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_AssetId",
                table: "Deadlines",
                column: "AssetId");

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_Office_State_DueDate",
                table: "Deadlines",
                columns: new[] { "Office", "State", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_State_DueDate",
                table: "Deadlines",
                columns: new[] { "State", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_DistributionPlans_Office_AssetId",
                table: "DistributionPlans",
                columns: new[] { "Office", "AssetId" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_Office_Sequence",
                table: "Events",
                columns: new[] { "Office", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_Organization_Sequence",
                table: "Events",
                columns: new[] { "Organization", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_Office_AssetId",
                table: "LedgerEntries",
                columns: new[] { "Office", "AssetId" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_Office_CaseNumber",
                table: "LedgerEntries",
                columns: new[] { "Office", "CaseNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_ReversalOf",
                table: "LedgerEntries",
                column: "ReversalOf");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_TransactionId",
                table: "LedgerEntries",
                column: "TransactionId");

            migrationBuilder.CreateIndex(
                name: "IX_Obligations_Office_CaseNumber_CreditorId",
                table: "Obligations",
                columns: new[] { "Office", "CaseNumber", "CreditorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StatementLines_MatchedTransactionId",
                table: "StatementLines",
                column: "MatchedTransactionId");

            migrationBuilder.CreateIndex(
                name: "IX_StatementLines_Office_Fingerprint",
                table: "StatementLines",
                columns: new[] { "Office", "Fingerprint" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StatementLines_Office_ValueDate",
                table: "StatementLines",
                columns: new[] { "Office", "ValueDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuctionOrganizations");

            migrationBuilder.DropTable(
                name: "AuctionRounds");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "Deadlines");

            migrationBuilder.DropTable(
                name: "DistributionPlans");

            migrationBuilder.DropTable(
                name: "Events");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "JournalHeads");

            migrationBuilder.DropTable(
                name: "LedgerEntries");

            migrationBuilder.DropTable(
                name: "Obligations");

            migrationBuilder.DropTable(
                name: "StatementLines");

            migrationBuilder.DropTable(
                name: "Assets");

            migrationBuilder.DropTable(
                name: "Seizures");
        }
    }
}
