<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html dir="ltr" lang="vi-VN" xmlns="http://www.w3.org/1999/xhtml">
<head><meta http-equiv="X-UA-Compatible" content="IE=10" /><meta name="GENERATOR" content="Microsoft SharePoint" />
<meta http-equiv="Content-type" content="text/html; charset=utf-8" /><meta http-equiv="Expires" content="0" />
<title>
	Quán triệt Quy chế công tác dân vận của hệ thống chính trị
</title>
<link rel="stylesheet" type="text/css" href="/_layouts/15/1066/styles/Themable/corev15.css?rev=2ZqMsWgR4ZIDmRG3BGSmhg%3D%3D"/>
<link rel="stylesheet" type="text/css" href="/portal/Style%20Library/TanDan/css/tandan-portal.css" />
<script type="text/javascript" src="/_layouts/15/init.js?rev=ZFhWUWcRpJOJ5Ks%2Fh%2Bw1AQ%3D%3D"></script>
<script type="text/javascript" src="/portal/Style%20Library/TanDan/js/jquery-1.11.1.min.js"></script>
</head>
<body onhashchange="if (typeof(_spBodyOnHashChange) != 'undefined') _spBodyOnHashChange();">
<form method="post" action="./Quan-triet-Quy-che-cong-tac-dan-van-cua-he-thong-chinh-tri-1342.aspx" onsubmit="javascript:return WebForm_OnSubmit();" id="aspnetForm">
<div class="aspNetHidden">
<input type="hidden" name="_wpcmWpid" id="_wpcmWpid" value="" />
<input type="hidden" name="__REQUESTDIGEST" id="__REQUESTDIGEST" value="0x6A1C1E0D2B3F8C9A4E5D6F7081920A1B2C3D4E5F,07 Feb 2023 07:31:12 -0000" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRkwneTz0H2mBrBAT5l0e6q3rNsVHU=" />
</div>
<div id="s4-workspace"><div id="s4-bodyContainer">
<div class="tandan-header">
  <div class="tandan-banner"><a href="/portal/Pages/default.aspx"><img src="/portal/Style%20Library/TanDan/images/banner-huyen-uy.png" alt="HUYỆN ỦY BẠCH THÔNG" /></a>
  <span class="tandan-banner-text">ĐẢNG BỘ HUYỆN BẠCH THÔNG - TỈNH BẮC KẠN</span></div>
  <div class="tandan-menu"><ul>
    <li><a href="/portal/Pages/default.aspx">Trang chủ</a></li>
    <li><a href="/portal/Pages/Gioi-thieu.aspx">Giới thiệu</a></li>
    <li class="active"><a href="/portal/Pages/Tin-tuc.aspx">Tin tức - Sự kiện</a></li>
    <li><a href="/portal/Pages/Xay-dung-Dang.aspx">Xây dựng Đảng</a></li>
    <li><a href="/portal/Pages/Van-ban.aspx">Văn bản</a></li>
    <li><a href="javascript:void(0)">Hỏi đáp</a></li>
    <li><a href="/portal/Pages/Lien-he.aspx">Liên hệ</a></li>
  </ul></div>
  <div class="tandan-search"><input type="text" name="q" title="Tìm kiếm" value="Nhập từ khóa..." /><a href="/portal/Pages/Tim-kiem.aspx">Tìm kiếm</a></div>
  <div class="tandan-marquee"><marquee scrollamount="3">Chào mừng kỷ niệm 93 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2023)</marquee></div>
</div>
<div class="tandan-main">
<div class="tandan-breadcrumb"><a href="/portal/Pages/default.aspx">Trang chủ</a> » <a href="/portal/Pages/Tin-tuc.aspx">Tin tức - Sự kiện</a></div>
<div class="ms-webpart-zone ms-fullWidth">
<div class="ms-webpart-chrome-title"><span title="PublishingPortal - Block_BanTin_Toolbar">PublishingPortal - Block_BanTin_Toolbar</span></div>
<div class="tandan-toolbar">
  <span class="tandan-span-date-publish">22/03/2022</span>
  <span class="tandan-font-size"><a href="javascript:void(0)" onclick="tdIncreaseFont()">Tăng cỡ chữ</a> <a href="javascript:void(0)" onclick="tdDecreaseFont()">Giảm cỡ chữ</a></span>
  <a class="tandan-print" href="/portal/Pages/print.aspx?p=1342" target="_blank">In bài</a>
  <a class="tandan-email" href="javascript:void(0)" onclick="tdSendMail(1342)">Gửi email</a>
</div>
<div class="tandan-article-news">
<h1 class="tandan-p-article-news-title">Quán triệt Quy chế công tác dân vận của hệ thống chính trị</h1>
<div class="tandan-p-article-news-sapo"><strong>Sáng 21/3/2022, Ban Thường vụ Huyện ủy Bạch Thông tổ chức hội nghị quán triệt, triển khai các văn bản mới về công tác dân vận tới cán bộ chủ chốt của huyện.</strong></div>
<div class="ms-webpart-chrome-title"><span title="PublishingPortal - Block_BanTin_ViewData">PublishingPortal - Block_BanTin_ViewData</span></div>
<div id="ctl00_PlaceHolderMain_ctl01__ControlWrapper_RichHtmlField" class="ms-rtestate-field" style="display:inline" aria-labelledby="ctl00_PlaceHolderMain_ctl01_label">
<p style="text-align:justify;">Hội nghị được kết nối trực tuyến tới 14 điểm cầu các xã, thị trấn với hơn 250 đại biểu tham dự.</p>
<p style="text-align:justify;">Các đại biểu được nghe quán triệt Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ Chính trị ban hành Quy chế công tác dân vận của hệ thống chính trị và Quy chế 22-QC/TU ngày 30/12/2021 của Ban Thường vụ Tỉnh ủy, áp dụng cho công tác dân vận của hệ thống chính trị trong tỉnh. Quy chế của Tỉnh ủy gồm 5 chương, 26 điều, quy định rõ trách nhiệm của cấp ủy, chính quyền, Mặt trận và các đoàn thể, đặc biệt là trách nhiệm của người đứng đầu.</p>
<p style="text-align:justify;">Phát biểu chỉ đạo, đồng chí Phó Bí thư Thường trực Huyện ủy đề nghị các chi, đảng bộ trực thuộc xây dựng kế hoạch thực hiện ngay trong quý II/2022, gắn với phong trào thi đua “Dân vận khéo” và việc thực hiện quy chế dân chủ ở cơ sở; mỗi cơ quan, đơn vị phải có ít nhất một mô hình dân vận cụ thể, dễ kiểm tra, đánh giá.</p>
<p style="text-align:justify;">Ban Dân vận Huyện ủy được giao theo dõi, đôn đốc, định kỳ sáu tháng tổng hợp kết quả báo cáo Ban Thường vụ Huyện ủy.</p>
<p style="text-align:right;"><strong>Lâm Hằng</strong></p>
</div>
</div>
<div class="tandan-share">Chia sẻ: <a href="https://www.facebook.com/sharer/sharer.php?u=/portal/Pages/2022-3-22/Quan-triet-Quy-che-cong-tac-dan-van-cua-he-thong-chinh-tri-1342.aspx">Facebook</a> <a href="https://zalo.me/share?u=/portal/Pages/2022-3-22/Quan-triet-Quy-che-cong-tac-dan-van-cua-he-thong-chinh-tri-1342.aspx">Zalo</a></div>
<div class="tandan-related"><h3>Các tin đã đưa</h3><ul>
    <li><a href="/portal/Pages/2022-1-14/Bi-thu-Huyen-uy-doi-thoai-truc-tiep-voi-Nhan-dan-1290.aspx">Bí thư Huyện ủy Bạch Thông đối thoại trực tiếp với Nhân dân</a> <span class="tandan-date">(14/01/2022)</span></li>
    <li><a href="/portal/Pages/2020-1-7/Bach-Thong-tong-ket-cong-tac-Dan-van-Tuyen-giao-nam-2019-1021.aspx">Bạch Thông tổng kết công tác Dân vận, Tuyên giáo năm 2019</a> <span class="tandan-date">(07/01/2020)</span></li>
</ul></div>
</div>
</div>
<div class="tandan-right-column">
  <div class="ms-webpart-chrome-title"><span title="PublishingPortal - Block_VanBanMoi">PublishingPortal - Block_VanBanMoi</span></div>
  <div class="tandan-box"><h3 class="tandan-box-title">Văn bản mới</h3><ul>
    <li><a href="/portal/Pages/Van-ban.aspx">Hướng dẫn tổ chức Tết Nguyên đán</a></li>
    <li><a href="/portal/Pages/Van-ban.aspx">Lịch công tác tuần của Thường trực Huyện ủy</a></li>
  </ul></div>
  <div class="tandan-box"><h3 class="tandan-box-title">Liên kết website</h3>
    <select onchange="window.open(this.value)"><option value="">-- Chọn liên kết --</option>
      <option value="http://www.dangcongsan.vn">Báo điện tử Đảng Cộng sản Việt Nam</option>
      <option value="http://www.backan.gov.vn">Cổng thông tin điện tử tỉnh</option></select></div>
  <div class="tandan-box tandan-counter">Lượt truy cập: 1.204.517 <br/>Đang trực tuyến: 23</div>
</div>
<div class="tandan-footer">
  <p><strong>CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN ỦY BẠCH THÔNG</strong></p>
  <p>Cơ quan chủ quản: Ban Thường vụ Huyện ủy Bạch Thông. Địa chỉ: tổ dân phố 2, thị trấn Phủ Thông, huyện Bạch Thông, tỉnh Bắc Kạn.</p>
  <p>Điện thoại: 0209.3850.112 - Email: huyenuybachthong@backan.gov.vn</p>
  <p>Ghi rõ nguồn “Huyện ủy Bạch Thông” khi phát hành lại thông tin từ website này.</p>
</div>
</div></div>
<script type="text/javascript">//<![CDATA[
var _spPageContextInfo = {webServerRelativeUrl: "\u002fportal", webLanguage: 1066, currentLanguage: 1066};
//]]></script>
</form></body></html>
