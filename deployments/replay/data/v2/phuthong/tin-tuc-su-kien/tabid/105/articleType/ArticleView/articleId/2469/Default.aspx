<!DOCTYPE html>
<html lang="vi-VN">
<head id="Head"><meta content="text/html; charset=UTF-8" http-equiv="Content-Type" />
<title>
	Lan tỏa phong trào “Dân vận khéo” giai đoạn 2021 - 2025
</title><meta id="MetaDescription" name="DESCRIPTION" content="Trang thông tin điện tử Đảng ủy xã Phủ Thông" />
<meta id="MetaKeywords" name="KEYWORDS" content="Phủ Thông, Đảng ủy xã, Thái Nguyên,DotNetNuke,DNN" />
<meta id="MetaGenerator" name="GENERATOR" content="DotNetNuke " /><meta id="MetaRobots" name="ROBOTS" content="INDEX, FOLLOW" />
<link href="/Resources/Shared/stylesheets/dnndefault/7.0.0/default.css?cdv=212" type="text/css" rel="stylesheet"/>
<link href="/Portals/_default/Skins/XaPhuThong/skin.css?cdv=212" type="text/css" rel="stylesheet"/>
<script src="/Resources/libraries/jQuery/03_05_01/jquery.js?cdv=212" type="text/javascript"></script>
</head>
<body id="Body">
<form method="post" action="/tin-tuc-su-kien/tabid/105/articleType/ArticleView/articleId/2469/Default.aspx" id="Form" enctype="multipart/form-data">
<div class="aspNetHidden"><input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="qXcG6m1nWq0uA9pZbT3j0tJdS6W9v+F1m5Yx0Ukq4hY=" /></div>
<div id="skin-wrapper">
<div id="skin-header"><a id="dnn_dnnLOGO_hypLogo" title="Đảng ủy xã Phủ Thông" href="/"><img id="dnn_dnnLOGO_imgLogo" src="/Portals/12/logo-dang-uy.png" alt="Đảng ủy xã Phủ Thông" /></a>
<div class="skin-title">ĐẢNG ỦY XÃ PHỦ THÔNG<br /><span>ĐẢNG BỘ TỈNH THÁI NGUYÊN</span></div>
<div class="skin-login"><a id="dnn_dnnLOGIN_loginLink" title="Đăng nhập" class="LoginLink" rel="nofollow" href="/Login.aspx">Đăng nhập</a></div></div>
<div id="skin-menu"><ul class="dnnmega">
<li><a href="/">Trang chủ</a></li>
<li><a href="/gioi-thieu/tabid/101/Default.aspx">Giới thiệu</a></li>
<li class="active"><a href="/tin-tuc-su-kien/tabid/105/Default.aspx">Tin tức - Sự kiện</a></li>
<li><a href="/van-ban/tabid/107/Default.aspx">Văn bản</a></li>
<li><a href="/lich-cong-tac/tabid/109/Default.aspx">Lịch công tác</a></li>
</ul></div>
<div id="skin-content"><div id="dnn_ContentPane" class="ContentPane">
<div class="DnnModule DnnModule-DNN_News DnnModule-512"><a name="512"></a>
<div class="c_head"><h2 class="c_title"><span id="dnn_ctr512_dnnTITLE_titleLabel" class="TitleHead">Tin tức - Sự kiện</span></h2></div>
<div id="dnn_ctr512_ContentPane">
<div class="news-detail">
<h1 class="news-title">Lan tỏa phong trào “Dân vận khéo” giai đoạn 2021 - 2025</h1>
<div class="news-date">Cập nhật lúc 09:10, Thứ Hai, ngày 18 tháng 8 năm 2025</div>
<div class="news-tools"><a href="javascript:window.print()">In trang</a> | <a href="javascript:history.back()">Quay lại</a></div>
<div class="news-summary"><strong>(TTĐT) - Sau 5 năm triển khai, phong trào thi đua “Dân vận khéo” trên địa bàn tỉnh đã đi vào chiều sâu, trở thành động lực để các cấp, các ngành thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh.</strong></div>
<div class="news-content">
<p style="text-align:justify">Thực hiện Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư về nâng cao chất lượng, hiệu quả công tác dân vận của cơ quan nhà nước, chính quyền các cấp và Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ Chính trị, các cấp ủy đã chỉ đạo gắn phong trào với những việc cụ thể, thiết thực ở từng cơ quan, đơn vị, khu dân cư.</p>
<p style="text-align:justify">Giai đoạn 2021 - 2025, toàn tỉnh xây dựng được 2.846 mô hình, điển hình “Dân vận khéo” trên các lĩnh vực. Từ các mô hình này, Nhân dân đã tự nguyện hiến trên 38 ha đất, đóng góp hàng chục nghìn ngày công để làm đường giao thông, xây dựng nhà văn hóa thôn.</p>
<p style="text-align:justify">Nhiều cách làm hay đã được nhân rộng như tổ tự quản đường làng, nhóm hộ cùng làm kinh tế, “mỗi tháng một phần việc vì cộng đồng”; cán bộ, đảng viên ở cơ sở gương mẫu đi đầu, nói đi đôi với làm, được Nhân dân tin tưởng.</p>
<p style="text-align:justify">Từ tháng 3/2025, sau khi hợp nhất, Ban Tuyên giáo và Dân vận Tỉnh ủy tiếp tục là cơ quan thường trực của Ban Chỉ đạo phong trào. Thời gian tới, Ban đề nghị các địa phương, trong đó có xã Phủ Thông, chú trọng chất lượng, tính bền vững của mô hình, kịp thời phát hiện, biểu dương những cách làm hay khi triển khai chính quyền địa phương hai cấp.</p>
<p style="text-align:right"><em>Nguồn: Trang thông tin điện tử Tỉnh ủy</em> (<a href="{{base:tinhuy}}/2025/06/12/lan-toa-phong-trao-thi-dua-dan-van-kheo-giai-doan-2021-2025/" target="_blank">xem bài gốc</a>)</p>
</div>
<div class="news-author">Hà Linh</div>
</div>
<div class="news-other"><h3>Các tin khác</h3><ul><li><a href="/tin-tuc-su-kien/tabid/105/articleType/ArticleView/articleId/2417/Default.aspx">Đảng ủy xã Phủ Thông quán triệt Chỉ thị 45 của Bộ Chính trị</a> (22/07/2025)</li>
<li><a href="/tin-tuc-su-kien/tabid/105/articleType/ArticleView/articleId/2381/Default.aspx">Công bố các quyết định thành lập Đảng bộ xã Phủ Thông</a> (02/07/2025)</li></ul></div>
</div></div>
</div>
<div id="dnn_RightPane" class="RightPane"><div class="box"><h3>Liên kết</h3><ul>
<li><a href="https://thainguyen.dcs.vn">Tỉnh ủy Thái Nguyên</a></li><li><a href="https://thainguyen.gov.vn">Cổng TTĐT tỉnh Thái Nguyên</a></li></ul></div></div>
</div>
<div id="skin-footer"><p>ĐẢNG ỦY XÃ PHỦ THÔNG - TỈNH THÁI NGUYÊN</p>
<p>Địa chỉ: Thôn Phố Mới, xã Phủ Thông, tỉnh Thái Nguyên. Điện thoại: 0209.3850.217</p>
<p><span id="dnn_dnnCOPYRIGHT_lblCopyright" class="Footer">Copyright 2025 by Đảng ủy xã Phủ Thông</span> | <a id="dnn_dnnTERMS_hypTerms" class="Footer" rel="nofollow" href="/Terms.aspx">Điều khoản sử dụng</a></p></div>
</div>
<input name="ScrollTop" type="hidden" id="ScrollTop" /><input name="__dnnVariable" type="hidden" id="__dnnVariable" autocomplete="off" value="`{`__scdoff`:`1`}" />
</form>
</body>
</html>
