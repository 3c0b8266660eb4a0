<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html dir="ltr" lang="vi-VN" xmlns="http://www.w3.org/1999/xhtml">
<head><meta http-equiv="X-UA-Compatible" content="IE=10" /><meta name="GENERATOR" content="Microsoft SharePoint" />
<meta http-equiv="Content-type" content="text/html; charset=utf-8" /><meta http-equiv="Expires" content="0" />
<title>
	Tin tức - Sự kiện
</title>
<link rel="stylesheet" type="text/css" href="/_layouts/15/1066/styles/Themable/corev15.css?rev=2ZqMsWgR4ZIDmRG3BGSmhg%3D%3D"/>
<link rel="stylesheet" type="text/css" href="/portal/Style%20Library/TanDan/css/tandan-portal.css" />
<script type="text/javascript" src="/_layouts/15/init.js?rev=ZFhWUWcRpJOJ5Ks%2Fh%2Bw1AQ%3D%3D"></script>
<script type="text/javascript" src="/portal/Style%20Library/TanDan/js/jquery-1.11.1.min.js"></script>
</head>
<body onhashchange="if (typeof(_spBodyOnHashChange) != 'undefined') _spBodyOnHashChange();">
<form method="post" action="./Tin-tuc.aspx" onsubmit="javascript:return WebForm_OnSubmit();" id="aspnetForm">
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
<div class="tandan-breadcrumb"><a href="/portal/Pages/default.aspx">Trang chủ</a> » <span>Tin tức - Sự kiện</span></div>
<div class="ms-webpart-zone ms-fullWidth">
<div class="ms-webpart-chrome-title"><h2 class="ms-webpart-titleText"><span>PublishingPortal - Block_BanTin_ListNews</span></h2></div>
<div class="tandan-list-news">
  <div class="tandan-item-news">
    <a href="/portal/Pages/2023-2-7/Quy-che-cong-tac-dan-van-phat-huy-hieu-qua-o-Bach-Thong-1517.aspx"><img class="tandan-img-thumb" src="/portal/PublishingImages/thumb/1517.jpg" alt="" /></a>
    <p class="tandan-p-title"><a class="tandan-a-title" href="/portal/Pages/2023-2-7/Quy-che-cong-tac-dan-van-phat-huy-hieu-qua-o-Bach-Thong-1517.aspx">Quy chế công tác dân vận phát huy hiệu quả ở Bạch Thông</a></p>
    <span class="tandan-span-date-publish">07/02/2023</span>
    <p class="tandan-p-sapo">Sau hơn một năm triển khai Quy chế 22-QC/TU ngày 30/12/2021 của Ban Thường vụ Tỉnh ủy, công tác dân vận ở huyện Bạch Thông đã chuyển biến rõ, giúp Nhân dân thêm tin tưởng vào Đảng và chính quyền.</p>
  </div>
  <div class="tandan-item-news">
    <a href="/portal/Pages/2022-9-28/Bao-ve-nen-tang-tu-tuong-cua-Dang-tren-khong-gian-mang-1405.aspx"><img class="tandan-img-thumb" src="/portal/PublishingImages/thumb/1405.jpg" alt="" /></a>
    <p class="tandan-p-title"><a class="tandan-a-title" href="/portal/Pages/2022-9-28/Bao-ve-nen-tang-tu-tuong-cua-Dang-tren-khong-gian-mang-1405.aspx">Bạch Thông chủ động bảo vệ nền tảng tư tưởng của Đảng trên không gian mạng</a></p>
    <span class="tandan-span-date-publish">28/09/2022</span>
    <p class="tandan-p-sapo">Thời gian qua, Ban Chỉ đạo 35 huyện Bạch Thông đã phát huy vai trò lực lượng cốt cán, lan tỏa thông tin tích cực và kịp thời phản bác các quan điểm sai trái, thù địch trên mạng xã hội.</p>
  </div>
  <div class="tandan-item-news">
    <a href="/portal/Pages/2022-3-22/Quan-triet-Quy-che-cong-tac-dan-van-cua-he-thong-chinh-tri-1342.aspx"><img class="tandan-img-thumb" src="/portal/PublishingImages/thumb/1342.jpg" alt="" /></a>
    <p class="tandan-p-title"><a class="tandan-a-title" href="/portal/Pages/2022-3-22/Quan-triet-Quy-che-cong-tac-dan-van-cua-he-thong-chinh-tri-1342.aspx">Quán triệt Quy chế công tác dân vận của hệ thống chính trị</a></p>
    <span class="tandan-span-date-publish">22/03/2022</span>
    <p class="tandan-p-sapo">Sáng 21/3/2022, Ban Thường vụ Huyện ủy Bạch Thông tổ chức hội nghị quán triệt, triển khai các văn bản mới về công tác dân vận tới cán bộ chủ chốt của huyện.</p>
  </div>
</div>
<div class="tandan-paging"><span class="tandan-current">1</span> <a href="/portal/Pages/Tin-tuc.aspx?PageIndex=2">2</a> <a href="/portal/Pages/Tin-tuc.aspx?PageIndex=2" title="Trang sau">Trang sau »</a></div>
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
