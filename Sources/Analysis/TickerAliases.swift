/// Company names that mean a ticker, for articles that name a company without its symbol.
///
/// Covers the most-traded US names and the large Chinese ADRs. One `Name|SYMBOL` a line; a
/// company may have several names. Matching is case-sensitive on whole words ("Apple" the
/// company, not "apple" the fruit), so names here are written as newspapers write them. Users
/// add their own through `AnalysisOptions.extraAliases`, which win over these.
enum TickerAliases {
    static let table = """
    Apple|AAPL
    Microsoft|MSFT
    Nvidia|NVDA
    NVIDIA|NVDA
    Amazon|AMZN
    Amazon.com|AMZN
    Alphabet|GOOGL
    Google|GOOGL
    Meta Platforms|META
    Facebook|META
    Tesla|TSLA
    Berkshire Hathaway|BRK.B
    Broadcom|AVGO
    JPMorgan|JPM
    JPMorgan Chase|JPM
    JP Morgan|JPM
    J.P. Morgan|JPM
    Visa|V
    Mastercard|MA
    Eli Lilly|LLY
    UnitedHealth|UNH
    Exxon|XOM
    Exxon Mobil|XOM
    ExxonMobil|XOM
    Walmart|WMT
    Johnson & Johnson|JNJ
    Procter & Gamble|PG
    Home Depot|HD
    Oracle|ORCL
    Costco|COST
    AbbVie|ABBV
    Merck|MRK
    Chevron|CVX
    Coca-Cola|KO
    PepsiCo|PEP
    Adobe|ADBE
    Salesforce|CRM
    Netflix|NFLX
    AMD|AMD
    Advanced Micro Devices|AMD
    Intel|INTC
    Cisco|CSCO
    Qualcomm|QCOM
    Texas Instruments|TXN
    Micron|MU
    Applied Materials|AMAT
    IBM|IBM
    Bank of America|BAC
    Wells Fargo|WFC
    Citigroup|C
    Citi|C
    Goldman Sachs|GS
    Morgan Stanley|MS
    Charles Schwab|SCHW
    BlackRock|BLK
    American Express|AXP
    PayPal|PYPL
    Pfizer|PFE
    Moderna|MRNA
    Abbott|ABT
    Thermo Fisher|TMO
    Amgen|AMGN
    Bristol-Myers Squibb|BMY
    Gilead|GILD
    CVS Health|CVS
    Walt Disney|DIS
    Disney|DIS
    Comcast|CMCSA
    Verizon|VZ
    AT&T|T
    T-Mobile|TMUS
    McDonald's|MCD
    Starbucks|SBUX
    Nike|NKE
    Boeing|BA
    Caterpillar|CAT
    General Electric|GE
    Honeywell|HON
    Lockheed Martin|LMT
    Raytheon|RTX
    RTX|RTX
    Deere|DE
    3M|MMM
    UPS|UPS
    FedEx|FDX
    Union Pacific|UNP
    Ford|F
    Ford Motor|F
    General Motors|GM
    Uber|UBER
    Lyft|LYFT
    Airbnb|ABNB
    Booking Holdings|BKNG
    Palantir|PLTR
    Snowflake|SNOW
    ServiceNow|NOW
    Shopify|SHOP
    Spotify|SPOT
    Zoom Video|ZM
    Coinbase|COIN
    Robinhood|HOOD
    Rivian|RIVN
    Pinterest|PINS
    Lowe's|LOW
    Dell|DELL
    HP|HPQ
    Arm Holdings|ARM
    Super Micro Computer|SMCI
    Marvell|MRVL
    Palo Alto Networks|PANW
    CrowdStrike|CRWD
    Occidental|OXY
    ConocoPhillips|COP
    Carnival|CCL
    Delta Air Lines|DAL
    American Airlines|AAL
    United Airlines|UAL
    Southwest Airlines|LUV
    Beyond Meat|BYND
    GameStop|GME
    AMC Entertainment|AMC
    Peloton|PTON
    Warner Bros. Discovery|WBD
    Paramount|PARA
    Kraft Heinz|KHC
    Mondelez|MDLZ
    Philip Morris|PM
    Altria|MO
    Baidu|BIDU
    Alibaba|BABA
    JD.com|JD
    PDD Holdings|PDD
    Pinduoduo|PDD
    NetEase|NTES
    Tencent Music|TME
    Bilibili|BILI
    NIO|NIO
    Nio|NIO
    XPeng|XPEV
    Xpeng|XPEV
    Li Auto|LI
    Trip.com|TCOM
    Yum China|YUMC
    Futu|FUTU
    ZTO Express|ZTO
    Full Truck Alliance|YMM
    Kanzhun|BZ
    Vipshop|VIPS
    iQIYI|IQ
    Weibo|WB
    Lufax|LU
    KE Holdings|BEKE
    Luckin Coffee|LKNCY
    Tencent|TCEHY
    BYD|BYDDY
    """

    /// Parsed once: name → symbol.
    static let bundled: [String: String] = {
        var out: [String: String] = [:]
        for line in table.split(separator: "\n") {
            let parts = line.split(separator: "|")
            guard parts.count == 2 else { continue }
            out[String(parts[0]).trimmedWhitespace()] = String(parts[1]).trimmedWhitespace()
        }
        return out
    }()
}
